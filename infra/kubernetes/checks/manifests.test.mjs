// Offline checks of infra/kubernetes/ (and the schemas of infra/knative/): every manifest
// parses, validates against its API's schema (Kubernetes from kubernetes-models, Knative and KEDA
// from @kubernetes-models/knative and /keda, generated from their CRDs' OpenAPI), and the
// references between resources resolve. What the gateway must agree with (the mappings load,
// grace periods, probe ports, the image name) is checked in the gateway's KubernetesManifestsTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const kubernetes = resolve(here, '..');
const knative = resolve(here, '../../knative');

const MODELS = {
  'v1': 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'serving.knative.dev/v1': '@kubernetes-models/knative/serving.knative.dev/v1',
  'eventing.knative.dev/v1': '@kubernetes-models/knative/eventing.knative.dev/v1',
  'sources.knative.dev/v1': '@kubernetes-models/knative/sources.knative.dev/v1',
  'keda.sh/v1alpha1': '@kubernetes-models/keda/keda.sh/v1alpha1',
};

function documents(file) {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    assert.deepEqual(doc.errors, [], `${file}: ${doc.errors.join('; ')}`);
    return doc.toJS();
  }).filter((resource) => resource !== null);
}

/** The resources of a Kustomize directory with their files, following directories it includes. */
function kustomize(directory) {
  const kustomization = documents(join(directory, 'kustomization.yaml'))[0];
  assert.equal(kustomization.apiVersion, 'kustomize.config.k8s.io/v1beta1');
  const resources = [];
  for (const entry of kustomization.resources) {
    const path = resolve(directory, entry);
    assert.ok(existsSync(path), `${directory}/kustomization.yaml: ${entry} does not exist`);
    if (statSync(path).isDirectory()) {
      resources.push(...kustomize(path));
    } else {
      for (const resource of documents(path)) {
        resources.push({ file: path, resource: { ...resource, metadata: { namespace: kustomization.namespace, ...resource.metadata } } });
      }
    }
  }
  return resources;
}

async function validate(resource) {
  const module = MODELS[resource.apiVersion];
  assert.ok(module, `no schema for apiVersion ${resource.apiVersion}`);
  const Model = (await import(module))[resource.kind];
  assert.ok(Model, `no schema for ${resource.apiVersion} ${resource.kind}`);
  // Some CRD schemas (SinkBinding's) list status as required; the controller writes it, so an
  // empty one stands in for it.
  new Model({ status: {}, ...resource }).validate();
}

const overlays = ['push', 'pull'];
const yamlFiles = (directory) => readdirSync(directory).filter((f) => f.endsWith('.yaml')).map((f) => join(directory, f));

test('every kustomization lists every manifest of its directory', () => {
  for (const directory of [...overlays, 'namespace'].map((d) => join(kubernetes, d))) {
    const listed = new Set(documents(join(directory, 'kustomization.yaml'))[0].resources.map((r) => resolve(directory, r)));
    for (const file of yamlFiles(directory).filter((f) => !f.endsWith('kustomization.yaml'))) {
      assert.ok(listed.has(file), `${file} is not in its kustomization.yaml`);
    }
  }
});

test('every manifest validates against its API schema', async () => {
  const all = [...overlays.flatMap((o) => kustomize(join(kubernetes, o))),
    ...yamlFiles(knative).flatMap((file) => documents(file).map((resource) => ({ file, resource })))];
  assert.ok(all.length >= 15, `only ${all.length} resources`);
  for (const { file, resource } of all) {
    await assert.doesNotReject(validate(resource), `${file}: ${resource.kind} ${resource.metadata?.name}`);
  }
});

test('the schemas catch a wrong manifest', async () => {
  const [deployment] = kustomize(join(kubernetes, 'pull')).map((r) => r.resource).filter((r) => r.kind === 'Deployment');
  const broken = structuredClone(deployment);
  broken.spec.template.spec.containers[0].ports[0].containerPort = 'eighty';
  await assert.rejects(validate(broken), /containerPort must be integer/);
  const scaled = kustomize(join(kubernetes, 'pull')).map((r) => r.resource).find((r) => r.kind === 'ScaledObject');
  const noTarget = structuredClone(scaled);
  delete noTarget.spec.scaleTargetRef;
  await assert.rejects(validate(noTarget), /scaleTargetRef/);
});

for (const overlay of overlays) {
  test(`${overlay}: references between resources resolve`, () => {
    const resources = kustomize(join(kubernetes, overlay)).map((r) => r.resource);
    const find = (kind, name) => resources.find((r) => r.kind === kind && r.metadata.name === name);
    const namespaces = new Set(resources.filter((r) => r.kind !== 'Namespace').map((r) => r.metadata.namespace));
    assert.deepEqual([...namespaces], ['tributary']);
    assert.ok(find('Namespace', 'tributary'));

    for (const workload of resources.filter((r) => r.kind === 'Deployment' || (r.kind === 'Service' && r.apiVersion.startsWith('serving.knative.dev')))) {
      const where = `${workload.kind} ${workload.metadata.name}`;
      const labels = workload.spec.template.metadata.labels;
      if (workload.kind === 'Deployment') {
        assert.ok(matches(workload.spec.selector.matchLabels, labels), `${where}: selector does not select its pods`);
      }
      const pod = workload.spec.template.spec;
      if (pod.serviceAccountName) assert.ok(find('ServiceAccount', pod.serviceAccountName), `${where}: no ServiceAccount ${pod.serviceAccountName}`);
      const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]));
      for (const volume of volumes.values()) {
        if (volume.configMap) assert.ok(find('ConfigMap', volume.configMap.name), `${where}: no ConfigMap ${volume.configMap.name}`);
      }
      for (const container of pod.containers) {
        for (const mount of container.volumeMounts ?? []) assert.ok(volumes.has(mount.name), `${where}: no volume ${mount.name}`);
        for (const variable of container.env ?? []) {
          const ref = variable.valueFrom?.configMapKeyRef;
          if (ref) assert.ok(find('ConfigMap', ref.name)?.data?.[ref.key] !== undefined, `${where}: ${variable.name}: no ${ref.name}.${ref.key}`);
        }
        for (const source of container.envFrom ?? []) {
          const ref = source.secretRef ?? source.configMapRef;
          assert.ok(ref.optional || find(source.secretRef ? 'Secret' : 'ConfigMap', ref.name), `${where}: envFrom ${ref.name} is neither present nor optional`);
        }
        const ports = new Set((container.ports ?? []).map((p) => p.name));
        for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
          const port = container[probe]?.httpGet?.port;
          if (typeof port === 'string') assert.ok(ports.has(port), `${where}: ${probe} targets unknown port ${port}`);
        }
      }
    }

    for (const budget of resources.filter((r) => r.kind === 'PodDisruptionBudget')) {
      assert.ok(resources.some((r) => r.kind === 'Deployment' && matches(budget.spec.selector.matchLabels, r.spec.template.metadata.labels)),
        `PodDisruptionBudget ${budget.metadata.name} selects no Deployment's pods`);
    }
    for (const service of resources.filter((r) => r.kind === 'Service' && r.apiVersion === 'v1')) {
      const target = resources.find((r) => r.kind === 'Deployment' && matches(service.spec.selector, r.spec.template.metadata.labels));
      assert.ok(target, `Service ${service.metadata.name} selects no Deployment's pods`);
      const ports = new Set(target.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)));
      for (const port of service.spec.ports) assert.ok(typeof port.targetPort !== 'string' || ports.has(port.targetPort), `Service port ${port.targetPort}`);
    }
    for (const scaled of resources.filter((r) => r.kind === 'ScaledObject')) {
      const target = find('Deployment', scaled.spec.scaleTargetRef.name);
      assert.ok(target, `ScaledObject ${scaled.metadata.name}: no Deployment ${scaled.spec.scaleTargetRef.name}`);
      const env = Object.fromEntries(target.spec.template.spec.containers.flatMap((c) => c.env ?? []).map((v) => [v.name,
        v.value ?? find('ConfigMap', v.valueFrom?.configMapKeyRef?.name)?.data?.[v.valueFrom.configMapKeyRef.key]]));
      assert.deepEqual(scaled.spec.triggers.map((t) => t.type).sort(), ['aws-sqs-queue', 'gcp-pubsub']);
      for (const trigger of scaled.spec.triggers) {
        assert.ok(find('TriggerAuthentication', trigger.authenticationRef?.name), `${trigger.type}: no TriggerAuthentication ${trigger.authenticationRef?.name}`);
        for (const [key, value] of Object.entries(trigger.metadata).filter(([key]) => key.endsWith('FromEnv'))) {
          assert.ok(env[value], `${trigger.type}: ${key}: the Deployment has no ${value}`);
        }
        if (trigger.metadata.awsRegion) assert.equal(trigger.metadata.awsRegion, env.AWS_REGION, 'aws-sqs-queue awsRegion vs AWS_REGION');
      }
    }
  });
}

function matches(selector, labels) {
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}
