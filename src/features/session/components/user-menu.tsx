import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { signOut, signOutEverywhere } from '../../../api/session';
import { useToast } from '../../../components/toast';
import { describeError } from '../../../lib/describe-error';
import { sessionQuery } from '../../../lib/session-queries';

const UserMenuPopup = lazy(() => import('./user-menu-popup'));

/** Who is signed in, with which console role; sign in, sign out, sign out everywhere. */
export function UserMenu() {
  const session = useQuery(sessionQuery());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { toast } = useToast();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const out = useMutation({
    mutationFn: (everywhere: boolean) => (everywhere ? signOutEverywhere() : signOut()),
    onSuccess: async (fresh, everywhere) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQuery().queryKey, fresh);
      toast(everywhere ? 'Signed out on every device' : 'Signed out', 'success');
      await navigate('/sign-in');
    },
    onError: (error) => {
      toast(describeError(error).message, 'error');
    },
  });
  const data = session.data;
  if (!data || data.methods.length === 0) return null;
  if (!data.signedIn || !data.user) {
    return (
      <Button
        color="inherit"
        component={RouterLink}
        to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}
      >
        Sign in
      </Button>
    );
  }
  const user = data.user;
  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleIcon />}
        onClick={(event) => {
          setAnchor(event.currentTarget);
        }}
        aria-label={`Signed in as ${user.name} (${user.role})`}
        aria-haspopup="menu"
      >
        <Chip size="small" label={user.demo ? `${user.role} · demo` : user.role} sx={{ ml: 0.5 }} />
      </Button>
      {anchor ? (
        <Suspense fallback={null}>
          <UserMenuPopup
            anchor={anchor}
            userName={user.name}
            onClose={() => {
              setAnchor(null);
            }}
            onSignOut={(everywhere) => {
              setAnchor(null);
              out.mutate(everywhere);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
