// SCIM Pilot on Azure: user-assigned identity, Key Vault (RBAC), PostgreSQL Flexible Server, Log Analytics
// (+ optional Application Insights), Container Apps, Azure Bot with the Teams channel. Resource-group scope:
//   az deployment group create -g rg-scimpilot -f deploy/azure/main.bicep -p @deploy/azure/main.parameters.json \
//     -p botAppPassword=... ninjaOneClientSecret=... postgresPassword=... graphCertificatePem="$(cat graph.pem)"
// Written without a Bicep compiler at hand: not compiled or deployed by its authors (deploy/README.md says so).
targetScope = 'resourceGroup'

@description('Short name used in resource names: lowercase letters and digits, 3-12 (PostgreSQL and Key Vault names derive from it)')
@minLength(3)
@maxLength(12)
param name string = 'scimpilot'
param location string = resourceGroup().location
param tags object = {
  app: 'scim-pilot'
}

@description('Container image, e.g. myacr.azurecr.io/scim-pilot:1.0.0')
param image string
@description('Registry of the image pulled with the app identity (grant it AcrPull); empty for a public image')
param registryServer string = ''

@description('Client id of the bot app registration (single-tenant, MSP tenant)')
param botAppId string
@secure()
param botAppPassword string
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Client id of the multi-tenant Graph app registration')
param graphClientId string
@allowed(['client-secret', 'certificate'])
param graphAuth string = 'certificate'
@secure()
param graphClientSecret string = ''
@description('PEM text (certificate and private key) for graphAuth=certificate')
@secure()
param graphCertificatePem string = ''

@description('NinjaOne region base URL')
param ninjaOneBaseUrl string = 'https://eu.ninjarmm.com'
param ninjaOneClientId string
@secure()
param ninjaOneClientSecret string

@description('Entra object ids (comma separated) of technicians and of approvers')
param technicians string
param approvers string

param postgresAdminLogin string = 'scimpilot'
@secure()
param postgresPassword string

param enableApplicationInsights bool = true
param minReplicas int = 1
param maxReplicas int = 2

var suffix = uniqueString(resourceGroup().id, name)

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${name}'
    location: location
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('kv-${name}-${suffix}', 24)
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    botAppPassword: botAppPassword
    graphClientSecret: graphAuth == 'client-secret' ? graphClientSecret : ''
    graphCertificatePem: graphAuth == 'certificate' ? graphCertificatePem : ''
    ninjaOneClientSecret: ninjaOneClientSecret
    postgresPassword: postgresPassword
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: 'psql-${name}-${suffix}'
    location: location
    tags: tags
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresPassword
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: name
    location: location
    tags: tags
    enableApplicationInsights: enableApplicationInsights
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    name: name
    location: location
    tags: tags
    workspaceName: monitoring.outputs.workspaceName
    image: image
    registryServer: registryServer
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    vaultUri: vault.outputs.uri
    botAppId: botAppId
    botTenantId: tenant().tenantId
    graphClientId: graphClientId
    graphAuth: graphAuth
    ninjaOneBaseUrl: ninjaOneBaseUrl
    ninjaOneClientId: ninjaOneClientId
    technicians: technicians
    approvers: approvers
    jdbcUrl: postgres.outputs.jdbcUrl
    databaseUser: postgresAdminLogin
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    minReplicas: minReplicas
    maxReplicas: maxReplicas
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${name}-${suffix}'
    tags: tags
    botAppId: botAppId
    endpoint: 'https://${app.outputs.fqdn}/api/messages'
    sku: botSku
  }
}

@description('BOT_DOMAIN for deploy/package-manifest.sh')
output botDomain string = app.outputs.fqdn
output messagingEndpoint string = 'https://${app.outputs.fqdn}/api/messages'
output keyVaultUri string = vault.outputs.uri
output botName string = bot.outputs.name
