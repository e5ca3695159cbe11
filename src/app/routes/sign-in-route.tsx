import { SignInPage } from '../../features/session/components/sign-in-page';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function SignInRoute() {
  useDocumentTitle('Sign in');
  return <SignInPage />;
}
