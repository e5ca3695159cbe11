import { runOrganizationContract } from '../../contract/organization-contract';
import { createPermitApi } from './adapter';

runOrganizationContract({
  connectionId: 'permit',
  provider: 'permit',
  createApi: createPermitApi,
  minimumSeeded: 120,
});
