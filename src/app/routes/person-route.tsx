import { useParams } from 'react-router-dom';
import { PersonPage } from '../../features/people/components/person-page';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function PersonRoute() {
  const { email = '' } = useParams();
  useDocumentTitle(email, 'People');
  return <PersonPage key={email} email={email} />;
}
