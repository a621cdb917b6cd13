/** Options of `ServiceIdentity.allowWorkloadIdentity`. */
export interface WorkloadIdentityOptions {
  /**
   * Enable the Data Access audit logs of IAM Service Account Credentials
   * (`iamcredentials.googleapis.com`) in the service account's project: every token the
   * federated identity obtains by impersonating the account (`GenerateAccessToken`, an
   * ADMIN_READ operation) is recorded there, and nowhere else.
   * @default true
   */
  readonly auditLogs?: boolean;
}
