package aws

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// stageIndex remembers where each secret value was found, by keyed hash
// of the value (never the value), and in which stage.
type stageIndex struct {
	mu     sync.Mutex
	byHash map[string][]stagedPlace
}

type stagedPlace struct {
	stage string
	loc   finding.Location
}

func newStageIndex() *stageIndex {
	return &stageIndex{byHash: map[string][]stagedPlace{}}
}

// add records that a secret with this hash sits at loc, in stage. Places
// of no known stage are not recorded.
func (x *stageIndex) add(hash, stage string, loc finding.Location) {
	if stage == "" || hash == "" {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.byHash[hash] = append(x.byHash[hash], stagedPlace{stage: stage, loc: loc})
}

// findings reports every place of a secret value that is found in more
// than one stage, naming the places in the other stages.
func (x *stageIndex) findings(engine *rules.Engine) []finding.Finding {
	x.mu.Lock()
	defer x.mu.Unlock()
	var out []finding.Finding
	for _, places := range x.byHash {
		stages := map[string]bool{}
		for _, p := range places {
			stages[p.stage] = true
		}
		if len(stages) < 2 {
			continue
		}
		for _, p := range places {
			var others []string
			for _, q := range places {
				if q.stage != p.stage {
					others = append(others, fmt.Sprintf("%s (%s)", q.loc.FingerprintKey(), q.stage))
				}
			}
			slices.Sort(others)
			others = slices.Compact(others)
			if len(others) > 3 {
				others = append(others[:3], fmt.Sprintf("and %d more", len(others)-3))
			}
			msg := fmt.Sprintf("the same secret value as this %s resource is also in %s", p.stage, strings.Join(others, ", "))
			if f, ok := engine.Report("aws-secret-shared-across-stages", p.loc, msg, ""); ok {
				out = append(out, f)
			}
		}
	}
	return out
}
