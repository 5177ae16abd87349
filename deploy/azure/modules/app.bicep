// Container Apps environment + the SCIM Pilot container app (external HTTPS ingress on port 3978, health probes,
// user-assigned managed identity for Key Vault secret references and for the app's own Key Vault access).
// Every environment variable below is a documented configuration property (checked by ConfigurationReferenceTests).
param name string
param location string
param tags object
param workspaceName string
param image string
@description('Registry server of the image (e.g. myacr.azurecr.io) pulled with the app identity; empty for a public image')
param registryServer string = ''
param identityId string
param identityClientId string
param vaultUri string
param botAppId string
param botTenantId string
param graphClientId string
@allowed(['client-secret', 'certificate'])
param graphAuth string
param ninjaOneBaseUrl string
param ninjaOneClientId string
param technicians string
param approvers string
param jdbcUrl string
param databaseUser string
param applicationInsightsConnectionString string = ''
param minReplicas int = 1
param maxReplicas int = 2

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' existing = {
  name: workspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-${name}'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

var graphSecretName = graphAuth == 'certificate' ? 'graph-certificate' : 'graph-client-secret'
var secretNames = ['bot-app-password', 'ninjaone-client-secret', 'postgres-password', graphSecretName]
var kvSecret = [for s in secretNames: {
  name: s
  keyVaultUrl: '${vaultUri}secrets/${s}'
  identity: identityId
}]

var baseEnv = [
  { name: 'MicrosoftAppId', value: botAppId }
  { name: 'MicrosoftAppTenantId', value: botTenantId }
  { name: 'MicrosoftAppPassword', secretRef: 'bot-app-password' }
  { name: 'SCIMPILOT_GRAPH_CLIENT_ID', value: graphClientId }
  { name: 'SCIMPILOT_GRAPH_AUTH', value: graphAuth }
  { name: 'SCIMPILOT_NINJAONE_BASE_URL', value: ninjaOneBaseUrl }
  { name: 'SCIMPILOT_NINJAONE_CLIENT_ID', value: ninjaOneClientId }
  { name: 'SCIMPILOT_NINJAONE_CLIENT_SECRET', secretRef: 'ninjaone-client-secret' }
  { name: 'SCIMPILOT_ACCESS_TECHNICIANS', value: technicians }
  { name: 'SCIMPILOT_ACCESS_APPROVERS', value: approvers }
  { name: 'SCIMPILOT_VAULT_URI', value: vaultUri }
  { name: 'SPRING_DATASOURCE_URL', value: jdbcUrl }
  { name: 'SPRING_DATASOURCE_USERNAME', value: databaseUser }
  { name: 'SPRING_DATASOURCE_PASSWORD', secretRef: 'postgres-password' }
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  { name: 'PORT', value: '3978' }
]
var certificateEnv = [
  { name: 'SCIMPILOT_GRAPH_CERTIFICATE_PATH', value: '/mnt/secrets/graph-certificate' }
]
var clientSecretEnv = [
  { name: 'SCIMPILOT_GRAPH_CLIENT_SECRET', secretRef: 'graph-client-secret' }
]
var graphEnv = graphAuth == 'certificate' ? certificateEnv : clientSecretEnv
var insightsEnv = empty(applicationInsightsConnectionString) ? [] : [
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-${name}'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 3978
        transport: 'auto'
        allowInsecure: false
      }
      secrets: kvSecret
      registries: empty(registryServer) ? [] : [
        {
          server: registryServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'scim-pilot'
          image: image
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: concat(baseEnv, graphEnv, insightsEnv)
          volumeMounts: graphAuth == 'certificate' ? [
            {
              volumeName: 'secrets'
              mountPath: '/mnt/secrets'
            }
          ] : []
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/actuator/health/liveness'
                port: 3978
              }
              // Container Apps limits: initialDelaySeconds <= 60, failureThreshold <= 10; up to 130 s to start
              initialDelaySeconds: 30
              periodSeconds: 10
              failureThreshold: 10
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/actuator/health/liveness'
                port: 3978
              }
              periodSeconds: 15
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/actuator/health/readiness'
                port: 3978
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      volumes: graphAuth == 'certificate' ? [
        {
          name: 'secrets'
          storageType: 'Secret'
          secrets: [
            {
              secretRef: 'graph-certificate'
              path: 'graph-certificate'
            }
          ]
        }
      ] : []
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
      }
    }
  }
}

output fqdn string = app.properties.configuration.ingress.fqdn
