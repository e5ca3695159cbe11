import { parseClerkError } from '../clerk/errors';

/**
 * The Frontend API sends the same `ClerkErrors` body as the Backend API, not wrapped in
 * `{response, client}`, so it shares the Backend API's parser.
 */
export const parseClerkFrontendError = parseClerkError;
