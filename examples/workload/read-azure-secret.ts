// Runs inside the Google Cloud workload (not at synth): reads a Key Vault secret with the
// managed identity that CrossCloudKeyVaultFederation trusts. Type-checked with the examples
// so the README copy of it stays correct.

/** Reads one secret, using the AZURE_* values the example passes to the Cloud Run service. */
export async function readAzureSecret(name: string): Promise<string> {
  // 1. A Google-signed ID token for the audience Entra ID expects, from the metadata server.
  const idToken = await (
    await fetch(
      'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/identity' +
        '?audience=api://AzureADTokenExchange',
      { headers: { 'Metadata-Flavor': 'Google' } },
    )
  ).text();

  // 2. Exchange it for an access token of the managed identity (client credentials with a JWT assertion).
  const token = (await (
    await fetch(
      `https://login.microsoftonline.com/${process.env.AZURE_TENANT_ID}/oauth2/v2.0/token`,
      {
        method: 'POST',
        body: new URLSearchParams({
          client_id: process.env.AZURE_CLIENT_ID ?? '',
          scope: 'https://vault.azure.net/.default',
          grant_type: 'client_credentials',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: idToken,
        }),
      },
    )
  ).json()) as { access_token: string };

  // 3. Read the secret.
  const secret = (await (
    await fetch(`${process.env.AZURE_VAULT_URI}secrets/${name}?api-version=7.4`, {
      headers: { Authorization: `Bearer ${token.access_token}` },
    })
  ).json()) as { value: string };
  return secret.value;
}
