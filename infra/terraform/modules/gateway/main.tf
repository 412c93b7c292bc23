locals {
  mappings      = yamldecode(var.mappings_yaml)
  mappings_file = "mappings.yaml"
  labels        = merge(var.labels, { "app.kubernetes.io/name" = "tributary", "app.kubernetes.io/instance" = var.name })

  # Pull sources consume only while a pod runs: never scale those to zero.
  has_pull_sources = anytrue([for s in values(try(local.mappings.sources, {})) : contains(["aws-sqs", "gcp-pubsub"], try(s.type, ""))])
  min_scale        = coalesce(var.min_scale, local.has_pull_sources ? 1 : 0)

  # Brokers named by knative-broker sinks (those with a literal name and no url).
  brokers = {
    for k in values(try(local.mappings.sinks, {})) :
    "${coalesce(try(k.namespace, null), var.namespace)}/${k.name}" => {
      namespace = coalesce(try(k.namespace, null), var.namespace)
      name      = k.name
    }...
    if try(k.type, "") == "knative-broker" && try(k.url, null) == null && can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", try(k.name, "")))
  }

  env = concat(
    [
      { name = "TRIBUTARY_MAPPINGS", value = "${var.mount_path}/${local.mappings_file}" },
      { name = "MICRONAUT_SERVER_PORT", value = tostring(var.container_port) },
    ],
    [for k, v in var.env : { name = k, value = v }],
    var.k_sink == null ? [] : [{ name = "K_SINK", value = var.k_sink }],
  )

  trigger_refs = {
    for name, t in var.triggers : name => t.subscriber_ref == null ? null : {
      apiVersion = t.subscriber_ref.api_version
      kind       = t.subscriber_ref.kind
      name       = t.subscriber_ref.name
      namespace  = coalesce(t.subscriber_ref.namespace, t.namespace, var.namespace)
    }
  }

  pod_spec_extra = { for k, v in { serviceAccountName = var.service_account_name } : k => v if v != null }
}

resource "kubernetes_config_map_v1" "mappings" {
  metadata {
    name      = "${var.name}-mappings"
    namespace = var.namespace
    labels    = local.labels
  }

  data = {
    (local.mappings_file) = var.mappings_yaml
  }
}

resource "kubernetes_secret_v1" "env" {
  metadata {
    name      = "${var.name}-env"
    namespace = var.namespace
    labels    = local.labels
  }

  type = "Opaque"
  data = var.secret_env
}

resource "kubernetes_manifest" "service" {
  manifest = {
    apiVersion = "serving.knative.dev/v1"
    kind       = "Service"
    metadata = {
      name      = var.name
      namespace = var.namespace
      labels    = local.labels
    }
    spec = {
      template = {
        metadata = {
          labels = local.labels
          annotations = {
            "autoscaling.knative.dev/min-scale" = tostring(local.min_scale)
            "autoscaling.knative.dev/max-scale" = tostring(var.max_scale)
            # A new revision whenever the mappings change.
            "tributary.dev/mappings-sha256" = sha256(var.mappings_yaml)
          }
        }
        spec = merge(local.pod_spec_extra, {
          containers = [{
            name  = "gateway"
            image = var.image
            ports = [{ containerPort = var.container_port, name = "http1" }]
            env   = local.env
            envFrom = [{
              secretRef = { name = kubernetes_secret_v1.env.metadata[0].name }
            }]
            resources = {
              requests = var.resources.requests
              limits   = var.resources.limits
            }
            volumeMounts = [{
              name      = "mappings"
              mountPath = var.mount_path
              readOnly  = true
            }]
          }]
          volumes = [{
            name      = "mappings"
            configMap = { name = kubernetes_config_map_v1.mappings.metadata[0].name }
          }]
        })
      }
    }
  }

  wait {
    condition {
      type   = "Ready"
      status = "True"
    }
  }

  timeouts {
    create = "10m"
    update = "10m"
    delete = "5m"
  }
}

resource "kubernetes_manifest" "broker" {
  for_each = var.create_brokers ? { for key, b in local.brokers : key => b[0] } : {}

  manifest = {
    apiVersion = "eventing.knative.dev/v1"
    kind       = "Broker"
    metadata = {
      name        = each.value.name
      namespace   = each.value.namespace
      labels      = local.labels
      annotations = { for k, v in { "eventing.knative.dev/broker.class" = var.broker_class } : k => v if v != null }
    }
  }

  wait {
    condition {
      type   = "Ready"
      status = "True"
    }
  }
}

resource "kubernetes_manifest" "trigger" {
  for_each = var.triggers

  manifest = {
    apiVersion = "eventing.knative.dev/v1"
    kind       = "Trigger"
    metadata = {
      name      = each.key
      namespace = coalesce(each.value.namespace, var.namespace)
      labels    = local.labels
    }
    spec = merge(
      { broker = each.value.broker },
      { for k, v in { filter = { attributes = each.value.filter_attributes } } : k => v if length(each.value.filter_attributes) > 0 },
      { subscriber = { for k, v in { uri = each.value.subscriber_uri, ref = local.trigger_refs[each.key] } : k => v if v != null } },
    )
  }

  depends_on = [kubernetes_manifest.broker]
}
