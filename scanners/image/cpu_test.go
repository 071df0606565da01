package image

import (
	"testing"
	"time"
)

// cpuClock measures the process's CPU time (user and system), which a
// busy machine distorts less than the wall clock.
type cpuClock struct{ start time.Duration }

func startCPU() cpuClock { return cpuClock{cpuTime()} }

// report adds the CPU time per operation to b's results.
func (c cpuClock) report(b *testing.B) {
	b.ReportMetric(float64(cpuTime()-c.start)/float64(b.N), "cpu-ns/op")
}
