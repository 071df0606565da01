// Package git scans a git repository's history for secrets: it is the
// source behind `keysweep git`.
//
// A Scanner opens a repository with go-git (a work tree, a linked worktree
// or a bare repository; no git binary is needed), enumerates the commits
// reachable from the selected refs, oldest first, and for each commit the
// blobs it introduces: those that differ from its first parent's tree, or
// the whole tree for a root commit. Each distinct blob is scanned exactly
// once (read straight from the packfiles, each version rebuilt from the
// one read before it), and its findings are attributed
// to the first commit that introduced it, at the path it was introduced
// at. Findings in a blob that is no longer at that path in HEAD are marked
// as removed from HEAD: a leak "fixed" by a later commit is still in
// history, and that is where attackers look.
//
// Opening a repository never executes anything: go-git runs no hooks, no
// clean/smudge filters and no fsmonitor, whatever the repository's config
// says. What could not be covered (an unreadable object, history cut off
// by a shallow clone) becomes a finding.Notice rather than an error, and
// output is deterministic: findings are sorted with finding.Compare,
// notices come in scan order.
package git
