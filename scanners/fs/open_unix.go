//go:build unix

package fs

import (
	"os"
	"syscall"
)

// openFile opens a file found by the walk for reading without blocking
// (should it have become a FIFO since it was listed) and, unless follow,
// without following a symlink swapped in for it. The caller checks that
// what it opened is a regular file.
func openFile(name string, follow bool) (file, error) {
	flag := os.O_RDONLY | syscall.O_NONBLOCK
	if !follow {
		flag |= syscall.O_NOFOLLOW
	}
	f, err := os.OpenFile(name, flag, 0)
	if err != nil {
		return nil, err
	}
	return f, nil
}
