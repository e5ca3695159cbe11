/**
 * The scale server of the e2e run (e2e/scale-server.ts): its Kinde sandbox holds this many orgs
 * (`ORGDECK_SANDBOX_SCALE`), a hundred more than the browser ever loads of a list it cannot
 * search (`CLIENT_LIST_LIMIT`), so some orgs are only found through the connection index.
 */
export const SCALE_ORGS = 2100;
