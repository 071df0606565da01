package aws

import (
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

func TestSweepListsEnabledRegions(t *testing.T) {
	f := newFakeAWS(t)
	f.addAccount("222222222222", "AKIDR", &fakeAccount{enabled: []string{"us-east-1", "ap-east-1", "eu-west-1"}})
	res := sweep(t, testConfig(t, f, "AKIDR"), Options{Regions: []string{}})
	if want := []string{"us-east-1", "ap-east-1", "eu-west-1"}; !slices.Equal(res.Regions, want) {
		t.Errorf("regions %v, want %v", res.Regions, want)
	}
	if got := f.count("account.ListRegions"); got != 3 {
		t.Errorf("ListRegions called %d times, want 3 (one a page)", got)
	}
	if got := f.count("ssm.DescribeParameters"); got != 3 {
		t.Errorf("DescribeParameters called %d times, want one per region", got)
	}
	for _, n := range res.Notices {
		if strings.Contains(n.Message, "regions") {
			t.Errorf("unexpected notice: %s", n.Message)
		}
	}
}

func TestSweepRegionsFallback(t *testing.T) {
	f := newFakeAWS(t)
	f.addAccount("222222222222", "AKIDR", &fakeAccount{})
	f.deny["account"] = true
	res := sweep(t, testConfig(t, f, "AKIDR"), Options{Regions: []string{}})
	if !slices.Equal(res.Regions, DefaultRegions()) {
		t.Errorf("regions %v, want the default ones", res.Regions)
	}
	if !slices.ContainsFunc(res.Notices, func(n finding.Notice) bool {
		return n.Level == finding.LevelWarning && strings.Contains(n.Message, "enabled regions not listed") && strings.Contains(n.Message, "AccessDeniedException")
	}) {
		t.Errorf("no warning about the fallback:\n%s", describe(res))
	}
}

func TestParseListRegions(t *testing.T) {
	regions, next, err := parseListRegions([]byte(`{"NextToken":"t2","Regions":[{"RegionName":"eu-west-1","RegionOptStatus":"ENABLED_BY_DEFAULT"},{"RegionName":"af-south-1","RegionOptStatus":"DISABLED"}]}`))
	if err != nil || next != "t2" || !slices.Equal(regions, []string{"eu-west-1"}) {
		t.Errorf("got %v %q %v", regions, next, err)
	}
	for _, bad := range []string{`{`, `{"Regions":[{"RegionName":"eu-west-1.evil.example/","RegionOptStatus":"ENABLED"}]}`, `{"Regions":"x"}`} {
		if _, _, err := parseListRegions([]byte(bad)); err == nil {
			t.Errorf("parseListRegions(%s): no error", bad)
		}
	}
}

func FuzzParseListRegions(f *testing.F) {
	f.Add([]byte(`{"NextToken":"t","Regions":[{"RegionName":"eu-west-1","RegionOptStatus":"ENABLED"}]}`))
	f.Add([]byte(`{"Regions":[]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		regions, _, err := parseListRegions(data)
		if err != nil {
			return
		}
		for _, r := range regions {
			if !validRegion(r) {
				t.Errorf("invalid region %q accepted", r)
			}
		}
	})
}
