// The app's user-assigned managed identity: created before the app, so Key Vault access can be granted before the
// container app first resolves its Key Vault secret references.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
