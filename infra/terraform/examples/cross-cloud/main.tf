# --- The gateway, on Knative, with the same file ---------------------------------------------

module "gateway" {
  source = "../../modules/gateway"

  image                = var.gateway_image
  namespace            = var.gateway_namespace
  mappings_yaml        = file(var.mappings_file)
  secret_env           = merge(local.gateway_secret_env, local.sink_key_env)
  service_account_name = var.gateway_service_account_name
  triggers             = var.triggers
}

# --- Cloud sides ---------------------------------------------------------------------------------

module "aws_source" {
  source   = "../../modules/aws-source"
  for_each = local.aws_sources

  name              = each.key
  type              = each.value.type
  queue_name        = local.queue_names[each.key]
  topic_name        = local.topic_names[each.key]
  bucket            = try(var.aws_sources[each.key].bucket, null)
  delivery          = try(var.aws_sources[each.key].delivery, null)
  filter_prefix     = try(var.aws_sources[each.key].filter_prefix, null)
  filter_suffixes   = try(var.aws_sources[each.key].filter_suffixes, null)
  gateway_url       = var.gateway_url
  gateway_role_name = var.gateway_role_name
  lambda_functions  = local.lambda_functions[each.key]

  # SNS confirms its subscription against the running gateway.
  depends_on = [module.gateway]
}

module "gcp_source" {
  source   = "../../modules/gcp-source"
  for_each = local.gcp_sources

  name                 = each.key
  type                 = each.value.type
  project              = try(coalesce(try(local.topic_paths[each.key][0], null), try(local.sub_paths[each.key][0], null), var.gcp_project), null)
  topic_name           = try(local.topic_paths[each.key][2], null)
  subscription_name    = each.value.type == "gcp-pubsub" ? try(local.sub_paths[each.key][2], null) : try(var.gcp_sources[each.key].subscription_name, null)
  push_service_account = try(each.value.serviceAccount, null)
  push_audience        = try(each.value.audience, null)
  gateway_url          = var.gateway_url
  gateway_member       = var.gateway_member
  bucket               = try(var.gcp_sources[each.key].bucket, null)
  object_name_prefix   = try(var.gcp_sources[each.key].object_name_prefix, null)
  create_topic         = try(var.gcp_sources[each.key].create_topic, null)
}

module "azure_source" {
  source   = "../../modules/azure-source"
  for_each = local.azure_sources

  name               = each.key
  storage_account_id = var.azure_sources[each.key].storage_account_id
  gateway_url        = var.gateway_url
  secret             = local.secrets[each.key]
  secret_parameter   = try(each.value.secretParameter, null)
  container          = var.azure_sources[each.key].container
  blob_prefix        = var.azure_sources[each.key].blob_prefix
  blob_suffixes      = var.azure_sources[each.key].blob_suffixes

  # Event Grid validates the endpoint when the subscription is created.
  depends_on = [module.gateway]
}

# --- Sinks: the clouds' buses the gateway delivers to -------------------------------------------

locals {
  # The created Event Grid topic keys, for the gateway's $${VAR} key references.
  sink_key_env = { for name, env in local.sink_key_env_names : env => module.azure_sink[name].primary_access_key if env != null }
}

module "aws_sink" {
  source   = "../../modules/aws-sink"
  for_each = local.aws_sinks

  name              = each.key
  type              = each.value.type
  queue_name        = local.sink_queue_names[each.key]
  topic_name        = local.sink_topic_names[each.key]
  bus_name          = local.sink_bus_names[each.key]
  gateway_role_name = var.gateway_role_name
}

module "gcp_sink" {
  source   = "../../modules/gcp-sink"
  for_each = local.gcp_sinks

  name           = each.key
  topic          = each.value.topic
  gateway_member = var.gateway_member
}

module "azure_sink" {
  source   = "../../modules/azure-sink"
  for_each = local.azure_sinks

  name                 = each.key
  topic_name           = local.eventgrid_topics[each.key][0]
  location             = local.eventgrid_topics[each.key][1]
  resource_group_name  = var.eventgrid_sink_resource_group
  gateway_principal_id = var.gateway_principal_id
}
