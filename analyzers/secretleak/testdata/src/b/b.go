// Package b holds wrappers whose parameters reach sinks: facts carry
// that to package a.
package b

import (
	"log"
	"os"
)

// Debug logs its value.
func Debug(label, value string) { log.Printf("%s=%s", label, value) } // want Debug:`leaks\(param 0 → log.Printf, param 1 → log.Printf\)`

// Export puts its value in the environment, through Debugf's sibling.
func Export(value string) { setenv("X", value) } // want Export:`leaks\(param 0 → b.setenv \(which passes it to os.Setenv\)\)`

func setenv(k, v string) { os.Setenv(k, v) } // want setenv:`leaks\(param 1 → os.Setenv\)`

// Quiet does nothing with its value.
func Quiet(value string) int { return len(value) }
