module "source" {
  source   = "../../modules/gcp-source"
  for_each = local.gcp_sources

  name              = each.key
  type              = each.value.type
  project           = local.projects[each.key]
  topic_name        = local.topic_names[each.key]
  subscription_name = local.subscription_names[each.key]

  # Push identity: the serviceAccount and audience the gateway checks in each token.
  push_service_account        = try(each.value.serviceAccount, null)
  push_audience               = try(each.value.audience, null)
  create_push_service_account = try(var.gcp_sources[each.key].create_push_service_account, null)
  gateway_url                 = var.gateway_url
  gateway_member              = var.gateway_member

  bucket                = try(var.gcp_sources[each.key].bucket, null)
  event_types           = try(var.gcp_sources[each.key].event_types, null)
  object_name_prefix    = try(var.gcp_sources[each.key].object_name_prefix, null)
  create_topic          = try(var.gcp_sources[each.key].create_topic, null)
  max_delivery_attempts = try(var.gcp_sources[each.key].max_delivery_attempts, null)
  ack_deadline_seconds  = try(var.gcp_sources[each.key].ack_deadline_seconds, null)
  labels                = var.labels
}

# Refuse a plan that would not match the mappings file.
resource "terraform_data" "mappings_checks" {
  input = keys(local.gcp_sources)

  lifecycle {
    precondition {
      condition     = length(local.unknown_names) == 0
      error_message = "gcp_sources has settings for ${join(", ", local.unknown_names)}, which are not Google Cloud sources of ${var.mappings_file}."
    }
    precondition {
      condition     = length(local.missing) == 0
      error_message = "No project or topic for ${join(", ", local.missing)}: write topic: projects/P/topics/T in the source, or set var.project and gcp_sources[NAME].topic_name."
    }
  }
}
