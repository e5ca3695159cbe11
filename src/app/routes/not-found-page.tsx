import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <EmptyState
      title="Page not found"
      titleAs="h1"
      description="This address does not lead anywhere in Orgdeck."
      action={
        <Button component={RouterLink} to={paths.home.href()}>
          Go to the console
        </Button>
      }
    />
  );
}
