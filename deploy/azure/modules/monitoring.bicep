// Log Analytics for the Container Apps environment (stdout logs), and optionally Application Insights on it.
param name string
param location string
param tags object
param enableApplicationInsights bool

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: 'log-${name}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = if (enableApplicationInsights) {
  name: 'appi-${name}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output workspaceName string = workspace.name
output applicationInsightsConnectionString string = enableApplicationInsights ? insights.properties.ConnectionString : ''
