/**
 * Environment variable names that end in a credential word (`DB_PASSWORD`, `STRIPE_API_KEY`):
 * their value belongs in Secret Manager, since plain environment values are readable by anyone
 * who can view the service. One pattern for the Cloud Run construct's refusal and the
 * stack-wide rule; no cdktf import, so the command line loads without cdktf.
 */
export const CREDENTIAL_NAME =
  /(^|_)(PASSWORD|PASSWD|PWD|SECRET|TOKEN|CREDENTIALS?|(API|PRIVATE|ACCESS|SECRET|SIGNING|ENCRYPTION|CLIENT)_?KEY|CONNECTION_?STRING)$/;
