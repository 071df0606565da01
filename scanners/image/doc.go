// Package image scans container images for secrets: every layer on its
// own (a file added in one layer and deleted or overwritten in a later one
// is still in the image, and is reported as still extractable), the image
// config (Env, Labels, Cmd, Entrypoint, Healthcheck, history), and the
// Dockerfile reconstructed from the history, through a structural check.
//
// Images come from a registry, a `docker save` tarball or an OCI layout
// (Open), and are read with go-containerregistry. Layers are streamed
// through archive/tar, never extracted to disk, in parallel, within
// per-file and per-layer size caps; entries that would escape the layer's
// root and decompression bombs are refused. Whatever could not be scanned
// is a notice of level error in the Result.
package image
