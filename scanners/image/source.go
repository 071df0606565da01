package image

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
)

// SourceKind names where an image was read from.
type SourceKind string

// The kinds of image source.
const (
	// SourceRegistry is an image reference pulled from a registry.
	SourceRegistry SourceKind = "registry"
	// SourceTarball is a `docker save` (or crane/tarball) archive.
	SourceTarball SourceKind = "tarball"
	// SourceLayout is an OCI image layout folder.
	SourceLayout SourceKind = "oci-layout"
)

// SourceOptions configure Open. The zero value pulls linux/amd64 images
// over HTTPS with the credentials of the Docker config (DefaultKeychain).
type SourceOptions struct {
	// Platform picks the image of a multi-platform index. The default, nil,
	// is linux/amd64, or the only image of a single-image OCI layout.
	Platform *v1.Platform
	// Insecure allows plain HTTP and unverified TLS for the registry, for
	// local registries. The default is false (loopback registries such as
	// localhost:5000 speak HTTP regardless, as Docker allows).
	Insecure bool
	// Keychain provides registry credentials. The default, nil, is
	// authn.DefaultKeychain (the Docker config and its credential helpers).
	Keychain authn.Keychain
	// Transport carries registry requests. The default, nil, is
	// remote.DefaultTransport (with TLS verification off when Insecure).
	Transport http.RoundTripper
}

// Source is an opened image: the image and where it came from.
type Source struct {
	Image v1.Image
	Kind  SourceKind
	// Name is the target as the user gave it.
	Name string
}

// Open opens target: a file is a tarball, a folder holding an oci-layout
// file is an OCI layout, and anything else is an image reference pulled
// from a registry (only the manifest and config are fetched here; layers
// are fetched as they are scanned).
func Open(ctx context.Context, target string, opts SourceOptions) (*Source, error) {
	st, err := os.Stat(target)
	switch {
	case err == nil && st.IsDir():
		img, err := openLayout(target, opts.Platform)
		if err != nil {
			return nil, fmt.Errorf("opening OCI layout %s: %w", target, err)
		}
		return &Source{Image: img, Kind: SourceLayout, Name: target}, nil
	case err == nil:
		img, err := tarball.ImageFromPath(target, nil)
		if err != nil {
			return nil, fmt.Errorf("opening image tarball %s: %w", target, err)
		}
		return &Source{Image: img, Kind: SourceTarball, Name: target}, nil
	}
	img, err := openRemote(ctx, target, opts)
	if err != nil {
		return nil, err
	}
	return &Source{Image: img, Kind: SourceRegistry, Name: target}, nil
}

func openRemote(ctx context.Context, target string, opts SourceOptions) (v1.Image, error) {
	var nameOpts []name.Option
	if opts.Insecure {
		nameOpts = append(nameOpts, name.Insecure)
	}
	ref, err := name.ParseReference(target, nameOpts...)
	if err != nil {
		return nil, fmt.Errorf("%s is neither a file, a folder nor an image reference: %w", target, err)
	}
	keychain := opts.Keychain
	if keychain == nil {
		keychain = authn.DefaultKeychain
	}
	transport := opts.Transport
	if transport == nil {
		transport = remote.DefaultTransport
		if opts.Insecure {
			if t, ok := transport.(*http.Transport); ok {
				t = t.Clone()
				t.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} //nolint:gosec // --insecure asks for it
				transport = t
			}
		}
	}
	platform := v1.Platform{OS: "linux", Architecture: "amd64"}
	if opts.Platform != nil {
		platform = *opts.Platform
	}
	img, err := remote.Image(ref,
		remote.WithContext(ctx),
		remote.WithAuthFromKeychain(keychain),
		remote.WithTransport(transport),
		remote.WithPlatform(platform),
	)
	if err != nil {
		return nil, fmt.Errorf("fetching image %s: %w", ref.Name(), err)
	}
	return img, nil
}

// openLayout picks the image of an OCI layout: the one matching platform,
// or the only one there is.
func openLayout(dir string, platform *v1.Platform) (v1.Image, error) {
	if _, err := os.Stat(filepath.Join(dir, "oci-layout")); err != nil {
		return nil, errors.New("not an OCI image layout (no oci-layout file)")
	}
	idx, err := layout.ImageIndexFromPath(dir)
	if err != nil {
		return nil, err
	}
	return pickImage(idx, platform, 0)
}

// maxIndexDepth bounds how deeply nested indexes are followed.
const maxIndexDepth = 4

// pickImage returns the image of idx for platform (nil: the only image,
// else linux/amd64), following nested indexes.
func pickImage(idx v1.ImageIndex, platform *v1.Platform, depth int) (v1.Image, error) {
	if depth > maxIndexDepth {
		return nil, errors.New("image indexes nested too deeply")
	}
	m, err := idx.IndexManifest()
	if err != nil {
		return nil, err
	}
	want := platform
	if want == nil && len(m.Manifests) > 1 {
		want = &v1.Platform{OS: "linux", Architecture: "amd64"}
	}
	for _, d := range m.Manifests {
		if want != nil && d.Platform != nil && !d.Platform.Satisfies(*want) {
			continue
		}
		if want != nil && d.Platform == nil && len(m.Manifests) > 1 && !d.MediaType.IsIndex() {
			continue
		}
		switch {
		case d.MediaType.IsImage():
			return idx.Image(d.Digest)
		case d.MediaType.IsIndex():
			child, err := idx.ImageIndex(d.Digest)
			if err != nil {
				return nil, err
			}
			img, err := pickImage(child, platform, depth+1)
			if err == nil {
				return img, nil
			}
		}
	}
	if want != nil {
		return nil, fmt.Errorf("no image for platform %s", want)
	}
	return nil, errors.New("no image in the layout")
}
