/**
 * The published JSON Schemas: {@code VmNics} documents, {@code nicsync.yaml} and plan files, composed from a base
 * and what the loaded plugins declare ({@link io.nicsync.schemas.PublishedSchemas}). The validator checks with
 * them; {@code schemas/} in the repository holds them as the bundled plugins compose them, for editors, and a test
 * of the distribution fails when those files are not current.
 */
package io.nicsync.schemas;
