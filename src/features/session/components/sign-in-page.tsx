import LockIcon from '@mui/icons-material/LockOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { signIn } from '../../../api/session';
import { ErrorState } from '../../../components/error-state';
import { describeError } from '../../../lib/describe-error';
import { sessionQuery } from '../../../lib/session-queries';

/** Only same-site paths, so a crafted link cannot send people elsewhere after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const session = useQuery(sessionQuery());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: async (fresh) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQuery().queryKey, fresh);
      await navigate(next, { replace: true });
    },
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTouched(true);
    if (username.trim() === '' || password === '') return;
    mutation.mutate({ username: username.trim(), password });
  };
  const data = session.data;

  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        p: 2,
        bgcolor: 'background.default',
      }}
    >
      <Paper component="main" sx={{ p: 4, width: '100%', maxWidth: 420 }}>
        <Stack spacing={3}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <LockIcon color="primary" />
            <Typography variant="h1">Sign in to Orgdeck</Typography>
          </Stack>
          {session.isPending ? (
            <Skeleton variant="rounded" height={180} role="progressbar" aria-label="Loading" />
          ) : session.isError ? (
            <ErrorState
              title="Orgdeck could not be reached"
              error={session.error}
              onRetry={() => void session.refetch()}
            />
          ) : (
            <>
              {mutation.isError ? (
                <Alert severity="error">{describeError(mutation.error).message}</Alert>
              ) : null}
              {data?.methods.includes('password') ? (
                <Stack component="form" spacing={2} onSubmit={submit} noValidate>
                  <TextField
                    label="Username"
                    autoComplete="username"
                    value={username}
                    onChange={(event) => {
                      setUsername(event.target.value);
                    }}
                    error={touched && username.trim() === ''}
                    helperText={
                      touched && username.trim() === '' ? 'Enter your username.' : undefined
                    }
                  />
                  <TextField
                    label="Password"
                    type="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={(event) => {
                      setPassword(event.target.value);
                    }}
                    error={touched && password === ''}
                    helperText={touched && password === '' ? 'Enter your password.' : undefined}
                  />
                  <Button type="submit" variant="contained" loading={mutation.isPending}>
                    Sign in
                  </Button>
                </Stack>
              ) : null}
              {data && data.demoUsers.length > 0 ? (
                <>
                  {data.methods.includes('password') ? <Divider>or</Divider> : null}
                  <Stack spacing={1}>
                    <Typography variant="body2" color="text.secondary">
                      Demo sign-in (sandbox): one user per console role.
                    </Typography>
                    {data.demoUsers.map((user) => (
                      <Button
                        key={user.id}
                        variant="outlined"
                        fullWidth
                        onClick={() => {
                          mutation.mutate({ demoUser: user.id });
                        }}
                        endIcon={<Chip size="small" label="Demo" />}
                        // Even buttons: text from the left, the chip at the right edge, one height
                        // whatever the name's length.
                        sx={{ justifyContent: 'space-between', textAlign: 'left', minHeight: 44 }}
                      >
                        Continue as {user.name} ({user.role})
                      </Button>
                    ))}
                  </Stack>
                </>
              ) : null}
              {data && !data.required ? (
                <Button
                  onClick={() => {
                    void navigate(next);
                  }}
                >
                  Continue without signing in
                </Button>
              ) : null}
            </>
          )}
        </Stack>
      </Paper>
    </Box>
  );
}
