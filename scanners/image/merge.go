package image

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/keysweep/keysweep/finding"
)

// removal is what a later layer did to the file a finding is in.
type removal struct {
	layer int    // 1-based; 0: the file is in the final image
	how   string // "deleted" or "overwritten"
}

// removals finds, for each finding in a layer, the first later layer
// that deletes or overwrites its file.
func removals(fs []finding.Finding, layers []layerResult) []removal {
	out := make([]removal, len(fs))
	for i, f := range fs {
		n := f.Location.LayerIndex
		if n == 0 {
			continue
		}
		for m := n + 1; m <= len(layers); m++ {
			if how := layers[m-1].removes(f.Location.Path); how != "" {
				out[i] = removal{layer: m, how: how}
				break
			}
		}
	}
	return out
}

// mergeKey identifies one secret at one place: the same file with the
// same secret in several layers is one finding.
type mergeKey struct {
	rule, fingerprint, path string
	line, column            int
}

// merge folds findings of the same secret at the same place into one:
// for layer findings, the one in the lowest layer that still has it in
// the final image, else the lowest layer, naming the other layers; a
// finding whose file no longer is in the final image says so.
func merge(fs []finding.Finding, rm []removal) []finding.Finding {
	groups := map[mergeKey][]int{}
	var order []mergeKey
	for i, f := range fs {
		k := mergeKey{f.RuleID, f.Fingerprint, f.Location.Path, f.Location.StartLine, f.Location.StartColumn}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	out := make([]finding.Finding, 0, len(order))
	for _, k := range order {
		members := groups[k]
		slices.SortStableFunc(members, func(a, b int) int {
			return cmp.Compare(fs[a].Location.LayerIndex, fs[b].Location.LayerIndex)
		})
		kept := members[0]
		for _, i := range members {
			if rm[i].layer == 0 {
				kept = i
				break
			}
		}
		f := fs[kept]
		var others []string
		for _, i := range members {
			if i != kept && fs[i].Location.LayerIndex != 0 && fs[i].Location.LayerIndex != f.Location.LayerIndex {
				others = append(others, strconv.Itoa(fs[i].Location.LayerIndex))
			}
		}
		if len(others) > 0 || rm[kept].layer != 0 {
			f.Details = maps.Clone(f.Details)
			if f.Details == nil {
				f.Details = map[string]string{}
			}
		}
		if len(others) > 0 {
			f.Details[DetailAlsoIn] = strings.Join(slices.Compact(others), ",")
		}
		if r := rm[kept]; r.layer != 0 {
			from := []string{strconv.Itoa(f.Location.LayerIndex)}
			for _, i := range members {
				if i != kept && fs[i].Location.LayerIndex != 0 {
					from = append(from, strconv.Itoa(fs[i].Location.LayerIndex))
				}
			}
			from = slices.Compact(from)
			f.Details[DetailExtractableFrom] = strings.Join(from, ",")
			f.Details[DetailRemovedIn] = strconv.Itoa(r.layer)
			plural := ""
			if len(from) > 1 {
				plural = "s"
			}
			f.Message += fmt.Sprintf(" (%s in layer %d, still extractable from layer%s %s)", r.how, r.layer, plural, strings.Join(from, ", "))
		}
		out = append(out, f)
	}
	return out
}
