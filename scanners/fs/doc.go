// Package fs scans files and folders on disk, and standard input, for
// secrets: it is the source behind `keysweep scan PATH...`.
//
// A Scanner walks each directory target with one walker feeding a bounded
// pool of workers, and streams every regular file through the rule engine
// in overlapping chunks, so that memory stays bounded however large a file
// is. Its output does not depend on scheduling: findings are sorted by
// path, line, column and rule, and notices come in walk order.
//
// The walk never follows symbolic links and never opens FIFOs, sockets or
// devices (opening a FIFO blocks); it skips .git directories, whose history
// is `keysweep git`'s job. What it could not cover (an unreadable file, a
// FIFO, a read error) becomes a finding.Notice rather than an error, so that
// one bad file never hides the rest of a scan, and a report never says "no
// leaks found" for a file that was not read.
package fs
