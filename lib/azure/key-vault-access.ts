/**
 * What a workload may do in a Key Vault, as the Azure built-in role that allows exactly that.
 * Never Owner, Contributor, User Access Administrator or Key Vault Administrator.
 */
export enum KeyVaultAccess {
  /** Read secret values and metadata: "Key Vault Secrets User" (4633458b-17de-408a-b874-0445c86b69e6). */
  SECRETS_READ = 'Key Vault Secrets User',
  /** Use keys to encrypt, decrypt, sign, verify, wrap and unwrap: "Key Vault Crypto User" (12338af0-0e69-4776-bea7-57ae8d297424). */
  KEYS_CRYPTO = 'Key Vault Crypto User',
  /** Read certificates: "Key Vault Certificate User" (db79e9a7-68ee-4b58-9aeb-b90e7c24fcba). */
  CERTIFICATES_READ = 'Key Vault Certificate User',
}
