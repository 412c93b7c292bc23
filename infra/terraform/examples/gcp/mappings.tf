# What this example derives from the mappings file: variables and locals only, no provider, so the
# build evaluates it offline with `terraform console` and checks the for_each sets it yields
# (checks/terraform-binary.test.js).

locals {
  mappings = yamldecode(file(var.mappings_file))

  # Every Google Cloud source of the mappings file gets its cloud resources.
  gcp_sources = { for name, s in local.mappings.sources : name => s if contains(["gcp-pubsub", "gcp-pubsub-push"], s.type) }

  # projects/P/topics/T and projects/P/subscriptions/S, when written literally in the file.
  resource_path = "^projects/([^/$]+)/(topics|subscriptions)/([^/$]+)$"
  topic_paths   = { for name, s in local.gcp_sources : name => try(regex(local.resource_path, s.topic), null) }
  sub_paths     = { for name, s in local.gcp_sources : name => try(regex(local.resource_path, s.subscription), null) }

  projects = {
    for name in keys(local.gcp_sources) : name => try(coalesce(try(local.topic_paths[name][0], null), try(local.sub_paths[name][0], null), var.project), null)
  }
  topic_names = {
    for name in keys(local.gcp_sources) : name => try(coalesce(try(var.gcp_sources[name].topic_name, null), try(local.topic_paths[name][2], null)), null)
  }
  subscription_names = {
    for name, s in local.gcp_sources : name => s.type == "gcp-pubsub" ? try(local.sub_paths[name][2], null) : try(var.gcp_sources[name].subscription_name, null)
  }

  missing       = [for name in keys(local.gcp_sources) : name if local.projects[name] == null || local.topic_names[name] == null]
  unknown_names = setsubtract(keys(var.gcp_sources), keys(local.gcp_sources))
}
