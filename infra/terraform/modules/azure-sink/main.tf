resource "azurerm_eventgrid_topic" "main" {
  name                = var.topic_name
  resource_group_name = var.resource_group_name
  location            = var.location
  input_schema        = "CloudEventSchemaV1_0"
  local_auth_enabled  = true
  tags                = merge(var.tags, { "tributary.dev/sink" = var.name })
}

resource "azurerm_role_assignment" "sender" {
  count = var.gateway_principal_id != null ? 1 : 0

  scope                = azurerm_eventgrid_topic.main.id
  role_definition_name = "EventGrid Data Sender"
  principal_id         = var.gateway_principal_id
}
