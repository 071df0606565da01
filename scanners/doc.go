// Package scanners holds keysweep's sources: one subpackage per place
// keysweep looks (fs for files and folders, git for history, image for
// container images, aws for an account). A source reads its input, hands
// the content to the rule engine in package rules, and reports what it
// could not cover as notices rather than failing the run; sources never
// import each other.
package scanners
