//go:build !unix

package fs

import "os"

// openFile opens a file found by the walk for reading. The caller checks
// that what it opened is a regular file.
func openFile(name string, _ bool) (file, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}
