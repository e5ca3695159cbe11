import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { ErrorState } from '../../components/error-state';

/** Last line of defence: an unexpected error in a route, with a way back. */
export function RouteError() {
  const error = useRouteError();
  const shown = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}`)
    : error;
  return (
    <Box sx={{ p: 4, maxWidth: 720, mx: 'auto' }}>
      <ErrorState
        title="This page failed to load"
        error={shown}
        onRetry={() => {
          window.location.reload();
        }}
      />
      <Button sx={{ mt: 2 }} href="/">
        Go to the console
      </Button>
    </Box>
  );
}
