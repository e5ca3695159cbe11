/** The org key factory and queries live in the data layer; this area reads them from there. */
export { orgKeys, orgQueries } from '../../../data/orgs';
