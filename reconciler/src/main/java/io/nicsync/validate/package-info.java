/**
 * Validation of the desired state: from the YAML files of one commit to a
 * {@link io.nicsync.validate.DesiredState}, or to every problem in them.
 *
 * <p>{@link io.nicsync.validate.Validator#validate} takes the files and the directory they were read from.
 * That directory holds one {@code nicsync.yaml} ({@code kind: Config}); every other {@code *.yaml} or
 * {@code *.yml} file below it holds {@code kind: VmNics} documents, one VM each, several per file:
 * <pre>{@code
 * apiVersion: nicsync.io/v1alpha1
 * kind: VmNics
 * metadata: {name: web-01, namespace: web, target: prod}
 * spec:
 *   nics:
 *     - name: storage
 *       network: {multus: web/vlan20}
 *       binding: bridge
 * ---
 * apiVersion: nicsync.io/v1alpha1
 * kind: VmNics
 * metadata: {name: lab-q35, target: lab}
 * spec:
 *   nics:
 *     - {name: uplink, network: {bridge: br-lab0}, link: down}
 * }</pre>
 *
 * <h2>Stages</h2>
 * Each stage reports everything it finds and hands on what is still sound, so one run shows every problem:
 * <ol>
 *   <li>Reading: snakeyaml-engine's compose API under the YAML 1.2 core schema ({@code on}, {@code yes} and
 *       {@code 52:54:00:12:34:56} are strings). Each document becomes a JSON tree with the line and column
 *       of every value and key. Syntax errors, duplicate keys (at the second), non-scalar keys and tags
 *       without a JSON form (such as {@code !!binary}) are errors. Documents before a syntax error in the
 *       same file are still checked.
 *   <li>Kind: {@code apiVersion} must be {@code nicsync.io/v1alpha1}; {@code kind} picks the schema.
 *   <li>Schema: {@code schemas/vmnics.schema.json} and {@code schemas/config.schema.json} (draft 2020-12),
 *       with each violation rewritten as a sentence at the key (unknown key) or value (wrong value), or at the
 *       object that lacks a required key. A document that fails its schema goes no further.
 *   <li>Semantic rules ({@link io.nicsync.validate.Rule}), then each platform's own rules
 *       ({@link io.nicsync.spi.TargetPlugin#check}), whose JSON-pointer findings are placed in the file.
 * </ol>
 *
 * <h2>Defaults of omitted keys</h2>
 * NIC: {@code link: up}, {@code state: present}, {@code persist: true}; {@code model}, {@code binding},
 * {@code mac} and {@code bootOrder} stay null, meaning "keep what is there, or the platform's default for a
 * new NIC" (virtio; KubeVirt's default binding; the MAC the platform assigns; no boot order).
 * VM: {@code unmanaged: ignore}. Policy: {@code parallelism: 8}, {@code maxFailedVms: 1},
 * {@code onFailure: rollback}, {@code stepTimeout: 60s}, {@code allowRestart: false}, {@code drift: apply},
 * {@code autoApply: true} (as DESIGN.md describes {@code serve}: apply on change or drift). A target's keys
 * other than {@code name} and {@code kind} become its {@link io.nicsync.spi.TargetConfig#settings()}.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>A KubeVirt VM must name its namespace. An omitted one would mean the kubeconfig context's default
 *       namespace, so one file could name different VMs from different machines; and two documents for the
 *       same VM, one with {@code namespace: default} and one without, would escape the duplicate check.
 *   <li>{@code namespace} on a libvirt VM and {@code binding} on a libvirt NIC are errors, not warnings:
 *       libvirt would ignore them, and whoever wrote them expects an effect that never comes.
 *   <li>{@code persist: false} on KubeVirt is a warning: the VM template always carries the NIC, so the
 *       key has no effect, but the state still converges.
 *   <li>{@code nicsync.yaml} holds the Config only, so configuration and VMs can have different owners; a
 *       Config anywhere else is an error, as is a second one.
 *   <li>A MAC must be unique per target among NICs that are to be present; a NIC being unplugged is
 *       releasing its address, possibly to a new NIC of the same VM. Boot orders are unique the same way.
 *   <li>When {@code nicsync.yaml} is missing or invalid, rules that need the targets (unknown target,
 *       network kinds, platform rules) stay silent instead of reporting every VM.
 *   <li>Limits ({@code Limits.DEFAULT}): 3 MiB per file, 10,000 nodes per document counting every alias
 *       expansion, 50 aliases to collections, 64 levels of nesting. A YAML bomb or a file over the limit
 *       costs one error, not the process's memory.
 * </ul>
 *
 * <p>Only {@link io.nicsync.validate.Validator}, {@link io.nicsync.validate.Validation},
 * {@link io.nicsync.validate.DesiredState}, {@link io.nicsync.validate.Config},
 * {@link io.nicsync.validate.Policy} and {@link io.nicsync.validate.Diagnostic} are public. Nothing here
 * prints: the caller formats {@link io.nicsync.validate.Diagnostic#format()}.
 */
package io.nicsync.validate;
