/** The invitations data layer's factories (one per resource, in src/data). */
export { invitationKeys, invitationQueries } from '../../../data/invitations';
