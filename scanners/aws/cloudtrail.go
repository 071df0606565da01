package aws

import (
	"context"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
)

// sweepCloudTrail checks that the account has a multi-region trail that is
// logging management events (so GetSecretValue reads are audited), and
// that every trail validates its log files. Trails are listed once, with
// shadow copies, from the home region; status and selectors are read per
// multi-region trail in the trail's own region.
func (r *run) sweepCloudTrail(ctx context.Context, a *account, home string) error {
	client := cloudtrail.NewFromConfig(a.cfg, func(o *cloudtrail.Options) { o.Region = home })
	out, err := client.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(true)})
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	audited := false
	for _, t := range out.TrailList {
		arn := aws.ToString(t.TrailARN)
		if seen[arn] {
			continue
		}
		seen[arn] = true
		r.emit(1)
		if !aws.ToBool(t.LogFileValidationEnabled) {
			r.report("aws-cloudtrail-log-validation-disabled", resourceLoc(arn, "LogFileValidationEnabled"),
				fmt.Sprintf("trail %s does not validate its log files, so changed or deleted logs go unnoticed", aws.ToString(t.Name)), "")
		}
		if audited || !aws.ToBool(t.IsMultiRegionTrail) {
			continue
		}
		ok, err := r.trailAudits(ctx, a, cmpOr(aws.ToString(t.HomeRegion), home), arn)
		if err != nil {
			return err
		}
		audited = ok
	}
	if !audited {
		r.report("aws-cloudtrail-no-multiregion-trail", resourceLoc(fmt.Sprintf("arn:%s:cloudtrail:%s:%s:trail/*", a.partition, home, a.id), "Trails"),
			fmt.Sprintf("account %s has no multi-region trail logging read management events: reads of secrets (GetSecretValue) are not audited", a.id), "")
	}
	return nil
}

// trailAudits reports whether a multi-region trail is logging and records
// read management events.
func (r *run) trailAudits(ctx context.Context, a *account, region, arn string) (bool, error) {
	client := cloudtrail.NewFromConfig(a.cfg, func(o *cloudtrail.Options) { o.Region = region })
	st, err := client.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String(arn)})
	if err != nil {
		return false, err
	}
	if !aws.ToBool(st.IsLogging) {
		return false, nil
	}
	sel, err := client.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String(arn)})
	if err != nil {
		return false, err
	}
	if len(sel.EventSelectors) == 0 && len(sel.AdvancedEventSelectors) == 0 {
		return true, nil // a trail without selectors logs all management events
	}
	for _, es := range sel.EventSelectors {
		if aws.ToBool(es.IncludeManagementEvents) &&
			(es.ReadWriteType == cttypes.ReadWriteTypeAll || es.ReadWriteType == cttypes.ReadWriteTypeReadOnly || es.ReadWriteType == "") {
			return true, nil
		}
	}
	for _, as := range sel.AdvancedEventSelectors {
		management, writeOnly := false, false
		for _, fs := range as.FieldSelectors {
			switch aws.ToString(fs.Field) {
			case "eventCategory":
				management = slices.Contains(fs.Equals, "Management")
			case "readOnly":
				writeOnly = slices.Contains(fs.Equals, "false")
			}
		}
		if management && !writeOnly {
			return true, nil
		}
	}
	return false, nil
}
