locals {
  mappings = yamldecode(file(var.mappings_file))
  sinks    = try(local.mappings.sinks, {})
  routes   = try(local.mappings.routes, [])

  # The sources of each cloud; other types (cloudevents) need no cloud resources.
  aws_sources   = { for name, s in local.mappings.sources : name => s if contains(["aws-sqs", "aws-sns"], s.type) }
  gcp_sources   = { for name, s in local.mappings.sources : name => s if contains(["gcp-pubsub", "gcp-pubsub-push"], s.type) }
  azure_sources = { for name, s in local.mappings.sources : name => s if contains(["azure-eventgrid"], s.type) }

  # AWS: names from queueUrl / topicArns; Lambda sinks reachable from each source.
  queue_names  = { for name, s in local.aws_sources : name => try(regex("/([^/$]+)$", s.queueUrl)[0], null) }
  topic_names  = { for name, s in local.aws_sources : name => try(regex(":([^:/$]+)$", s.topicArns[0])[0], null) }
  lambda_sinks = { for name, k in local.sinks : name => k.function if k.type == "aws-lambda" && !strcontains(try(k.function, "$${"), "$${") }
  lambda_functions = {
    for src in keys(local.aws_sources) : src => distinct([
      for sink in flatten([
        for r in local.routes : concat(try(r.to, []), try([r.delivery.deadLetterSink], [])) if contains(try(r.from, []), src)
      ]) : local.lambda_sinks[sink] if contains(keys(local.lambda_sinks), sink)
    ])
  }

  # Google Cloud: projects/P/topics/T and projects/P/subscriptions/S.
  resource_path = "^projects/([^/$]+)/(topics|subscriptions)/([^/$]+)$"
  topic_paths   = { for name, s in local.gcp_sources : name => try(regex(local.resource_path, s.topic), null) }
  sub_paths     = { for name, s in local.gcp_sources : name => try(regex(local.resource_path, s.subscription), null) }

  # Azure: the secret of each source, and the environment variable the gateway reads it from.
  env_ref = "^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-(.*))?\\}$"
  secret_env_names = {
    for name, s in local.azure_sources : name => try(regex(local.env_ref, s.secret)[0], null)
  }
  secrets = {
    for name, s in local.azure_sources : name => try(coalesce(
      lookup(var.eventgrid_secrets, name, null),
      can(regex(local.env_ref, s.secret)) ? regex(local.env_ref, s.secret)[2] : s.secret,
    ), null)
  }
  gateway_secret_env = { for name, env in local.secret_env_names : env => local.secrets[name] if env != null }
}

# --- The gateway, on Knative, with the same file ---------------------------------------------

module "gateway" {
  source = "../../modules/gateway"

  image                = var.gateway_image
  namespace            = var.gateway_namespace
  mappings_yaml        = file(var.mappings_file)
  secret_env           = local.gateway_secret_env
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
