// Key Vault (RBAC) for SCIM tokens (written by the bot at run time) and the deployment's secrets (written here).
// The app identity gets "Key Vault Secrets Officer" on this vault only: it reads its secrets and sets/reads SCIM tokens.
param name string
param location string
param tags object
param appPrincipalId string

@secure()
param botAppPassword string
@secure()
param graphClientSecret string
@description('PEM text (certificate + private key) of the Graph app certificate; empty when using a client secret')
@secure()
param graphCertificatePem string
@secure()
param ninjaOneClientSecret string
@secure()
param postgresPassword string

var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, appPrincipalId, keyVaultSecretsOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Secret names are what modules/app.bicep references; an empty value (the Graph credential not in use) is not stored.
var secrets = {
  'bot-app-password': botAppPassword
  'graph-client-secret': graphClientSecret
  'graph-certificate': graphCertificatePem
  'ninjaone-client-secret': ninjaOneClientSecret
  'postgres-password': postgresPassword
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for s in items(secrets): if (!empty(s.value)) {
  parent: vault
  name: s.key
  properties: {
    value: s.value
  }
}]

output name string = vault.name
output uri string = vault.properties.vaultUri
