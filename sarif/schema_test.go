package sarif

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

// This file checks Write's output against the SARIF 2.1.0 schema without
// the schema file: no copy ships in the module cache, and tests must not
// download one. schemaObjects restates, for every object Write emits, the
// schema's property names (all of them, since every SARIF object forbids
// additional properties), its required properties, and the type of each
// property Write uses. On top of the schema, validateLog checks the
// cross-references the SARIF validator and GitHub code scanning check:
// ruleId and ruleIndex resolve, uriBaseIds are declared, regions are
// consistent, messages are sentences, and results have what GitHub needs.
// sarif/validate.sh runs the full schema and rule set with Microsoft's
// SARIF multitool.

// schemaObject describes one object definition of the SARIF schema.
type schemaObject struct {
	required []string
	// props maps every property the schema defines to its type: "string",
	// "uri" (absolute), "uri-reference", "int>=N", "bool", "level",
	// "object:NAME", "array:NAME", "strings", "map:NAME" (any keys, NAME
	// values), "map:string", "bag" (a property bag), or "" for properties
	// Write does not emit, which the check accepts without looking.
	props map[string]string
}

func allowing(typed map[string]string, others ...string) map[string]string {
	for _, o := range others {
		if _, ok := typed[o]; !ok {
			typed[o] = ""
		}
	}
	return typed
}

var schemaObjects = map[string]schemaObject{
	"sarifLog": {
		required: []string{"version", "$schema", "runs"}, // $schema is optional in the schema, required by GitHub.
		props: allowing(map[string]string{
			"version": "version", "$schema": "uri", "runs": "array:run", "properties": "bag",
		}, "inlineExternalProperties"),
	},
	"run": {
		required: []string{"tool", "results"},
		props: allowing(map[string]string{
			"tool": "object:tool", "results": "array:result", "invocations": "array:invocation",
			"originalUriBaseIds": "map:artifactLocation", "properties": "bag",
		}, "addresses", "artifacts", "automationDetails", "baselineGuid", "columnKind", "conversion",
			"defaultEncoding", "defaultSourceLanguage", "externalPropertyFileReferences", "graphs",
			"language", "logicalLocations", "newlineSequences", "policies", "redactionTokens",
			"runAggregates", "specialLocations", "taxonomies", "threadFlowLocations", "translations",
			"versionControlProvenance", "webRequests", "webResponses"),
	},
	"tool": {
		required: []string{"driver"},
		props:    map[string]string{"driver": "object:toolComponent", "extensions": "", "properties": "bag"},
	},
	"toolComponent": {
		required: []string{"name", "rules"},
		props: allowing(map[string]string{
			"name": "string", "version": "string", "semanticVersion": "string",
			"informationUri": "uri", "rules": "array:reportingDescriptor", "properties": "bag",
		}, "associatedComponent", "contents", "dottedQuadFileVersion", "downloadUri", "fullDescription",
			"fullName", "globalMessageStrings", "guid", "isComprehensive", "language",
			"localizedDataSemanticVersion", "locations", "minimumRequiredLocalizedDataSemanticVersion",
			"notifications", "organization", "product", "productSuite", "releaseDateUtc",
			"shortDescription", "supportedTaxonomies", "taxa", "translationMetadata"),
	},
	"reportingDescriptor": {
		// GitHub requires the descriptions and help of every rule.
		required: []string{"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration", "properties"},
		props: allowing(map[string]string{
			"id": "string", "name": "string", "shortDescription": "object:multiformatMessageString",
			"fullDescription": "object:multiformatMessageString", "help": "object:multiformatMessageString",
			"helpUri": "uri", "defaultConfiguration": "object:reportingConfiguration", "properties": "bag",
		}, "deprecatedGuids", "deprecatedIds", "deprecatedNames", "guid", "messageStrings", "relationships"),
	},
	"reportingConfiguration": {
		required: []string{"level"},
		props:    allowing(map[string]string{"level": "level", "properties": "bag"}, "enabled", "parameters", "rank"),
	},
	"multiformatMessageString": {
		required: []string{"text"},
		props:    map[string]string{"text": "string", "markdown": "string", "properties": "bag"},
	},
	"message": {
		required: []string{"text"}, // GitHub needs text; the schema allows id instead.
		props:    allowing(map[string]string{"text": "string", "properties": "bag"}, "arguments", "id", "markdown"),
	},
	"result": {
		required: []string{"ruleId", "ruleIndex", "level", "message", "locations"}, // GitHub requires locations.
		props: allowing(map[string]string{
			"ruleId": "string", "ruleIndex": "int>=-1", "level": "level", "message": "object:message",
			"locations": "array:location", "partialFingerprints": "map:string", "properties": "bag",
		}, "analysisTarget", "attachments", "baselineState", "codeFlows", "correlationGuid", "fingerprints",
			"fixes", "graphTraversals", "graphs", "guid", "hostedViewerUri", "kind", "occurrenceCount",
			"provenance", "rank", "relatedLocations", "rule", "stacks", "suppressions", "taxa",
			"webRequest", "webResponse", "workItemUris"),
	},
	"location": {
		props: allowing(map[string]string{
			"physicalLocation": "object:physicalLocation", "logicalLocations": "array:logicalLocation",
			"properties": "bag",
		}, "annotations", "id", "message", "relationships"),
	},
	"physicalLocation": {
		required: []string{"artifactLocation"},
		props: allowing(map[string]string{
			"artifactLocation": "object:artifactLocation", "region": "object:region", "properties": "bag",
		}, "address", "contextRegion"),
	},
	"artifactLocation": {
		required: []string{"uri"},
		props: allowing(map[string]string{
			"uri": "uri-reference", "uriBaseId": "string", "properties": "bag",
		}, "description", "index"),
	},
	"region": {
		required: []string{"startLine"},
		props: allowing(map[string]string{
			"startLine": "int>=1", "startColumn": "int>=1", "endLine": "int>=1", "endColumn": "int>=1",
			"properties": "bag",
		}, "byteLength", "byteOffset", "charLength", "charOffset", "message", "snippet", "sourceLanguage"),
	},
	"logicalLocation": {
		required: []string{"name"},
		props: allowing(map[string]string{
			"name": "string", "fullyQualifiedName": "string", "kind": "string", "properties": "bag",
		}, "decoratedName", "index", "parentIndex"),
	},
	"invocation": {
		required: []string{"executionSuccessful"},
		props: allowing(map[string]string{
			"executionSuccessful": "bool", "toolExecutionNotifications": "array:notification",
			"workingDirectory": "object:artifactLocation", "properties": "bag",
		}, "account", "arguments", "commandLine", "endTimeUtc", "environmentVariables",
			"executableLocation", "exitCode", "exitCodeDescription", "exitSignalName", "exitSignalNumber",
			"machine", "notificationConfigurationOverrides", "processId", "processStartFailureMessage",
			"responseFiles", "ruleConfigurationOverrides", "startTimeUtc", "stderr", "stdin", "stdout",
			"stdoutStderr", "toolConfigurationNotifications"),
	},
	"notification": {
		required: []string{"message", "level"},
		props: allowing(map[string]string{
			"message": "object:message", "level": "level", "locations": "array:location", "properties": "bag",
		}, "associatedRule", "descriptor", "exception", "threadId", "timeUtc"),
	},
}

// schemaChecker collects the problems found in one log.
type schemaChecker struct {
	problems []string
}

func (c *schemaChecker) errorf(path, format string, args ...any) {
	c.problems = append(c.problems, path+": "+fmt.Sprintf(format, args...))
}

// object checks v against the named definition.
func (c *schemaChecker) object(path string, v any, name string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		c.errorf(path, "want a %s object, got %T", name, v)
		return nil
	}
	def, ok := schemaObjects[name]
	if !ok {
		panic("no schema object " + name)
	}
	for _, req := range def.required {
		if _, ok := m[req]; !ok {
			c.errorf(path, "%s lacks required property %q", name, req)
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		typ, ok := def.props[k]
		if !ok {
			c.errorf(path, "%s has property %q, which the schema does not define", name, k)
			continue
		}
		c.value(path+"."+k, m[k], typ)
	}
	return m
}

// value checks v against a type from schemaObject.props.
func (c *schemaChecker) value(path string, v any, typ string) {
	if v == nil {
		c.errorf(path, "null is not allowed")
		return
	}
	kind, arg, _ := strings.Cut(typ, ":")
	switch kind {
	case "":
	case "string":
		if s, ok := v.(string); !ok || s == "" {
			c.errorf(path, "want a non-empty string, got %#v", v)
		}
	case "version":
		if v != "2.1.0" {
			c.errorf(path, "version is %#v, want \"2.1.0\"", v)
		}
	case "uri", "uri-reference":
		s, ok := v.(string)
		if !ok {
			c.errorf(path, "want a URI string, got %T", v)
			return
		}
		u, err := url.Parse(s)
		switch {
		case err != nil:
			c.errorf(path, "invalid URI %q: %v", s, err)
		case kind == "uri" && !u.IsAbs():
			c.errorf(path, "URI %q is not absolute", s)
		case strings.ContainsAny(s, " \\"):
			c.errorf(path, "URI %q has characters that must be escaped", s)
		}
	case "int>=1", "int>=-1":
		min, _ := strconv.Atoi(strings.TrimPrefix(kind, "int>="))
		n, ok := v.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil || i < int64(min) {
			c.errorf(path, "want an integer >= %d, got %v", min, v)
		}
	case "bool":
		if _, ok := v.(bool); !ok {
			c.errorf(path, "want a boolean, got %T", v)
		}
	case "level":
		if !slices.Contains([]any{"none", "note", "warning", "error"}, v) {
			c.errorf(path, "level %#v is not none, note, warning or error", v)
		}
	case "object":
		c.object(path, v, arg)
	case "array":
		a, ok := v.([]any)
		if !ok {
			c.errorf(path, "want an array, got %T", v)
			return
		}
		for i, e := range a {
			c.object(fmt.Sprintf("%s[%d]", path, i), e, arg)
		}
	case "map":
		m, ok := v.(map[string]any)
		if !ok {
			c.errorf(path, "want an object, got %T", v)
			return
		}
		for k, e := range m {
			if arg == "string" {
				c.value(path+"."+k, e, "string")
			} else {
				c.object(path+"."+k, e, arg)
			}
		}
	case "bag":
		c.bag(path, v)
	default:
		panic("unknown schema type " + typ)
	}
}

// bag checks a property bag: any properties, no nulls, and tags (when
// present) a set of strings.
func (c *schemaChecker) bag(path string, v any) {
	m, ok := v.(map[string]any)
	if !ok {
		c.errorf(path, "property bag is %T, want an object", v)
		return
	}
	if tags, ok := m["tags"]; ok {
		a, ok := tags.([]any)
		if !ok {
			c.errorf(path+".tags", "want an array, got %T", tags)
		}
		seen := map[any]bool{}
		for _, t := range a {
			if _, ok := t.(string); !ok || seen[t] {
				c.errorf(path+".tags", "tags must be distinct strings; %#v is not", t)
			}
			seen[t] = true
		}
	}
	var walk func(p string, v any)
	walk = func(p string, v any) {
		switch v := v.(type) {
		case nil:
			c.errorf(p, "null in a property bag")
		case map[string]any:
			for k, e := range v {
				walk(p+"."+k, e)
			}
		case []any:
			for i, e := range v {
				walk(fmt.Sprintf("%s[%d]", p, i), e)
			}
		}
	}
	walk(path, v)
}

// validateLog returns the schema and consistency problems of a SARIF log.
func validateLog(data []byte) []string {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	c := &schemaChecker{}
	log := c.object("$", doc, "sarifLog")
	if log == nil {
		return c.problems
	}
	if s := log["$schema"]; s != schemaURI {
		c.errorf("$.$schema", "%#v, want %q", s, schemaURI)
	}
	runs, _ := log["runs"].([]any)
	if len(runs) == 0 {
		c.errorf("$.runs", "no runs")
	}
	for i, r := range runs {
		if run, ok := r.(map[string]any); ok {
			c.run(fmt.Sprintf("$.runs[%d]", i), run)
		}
	}
	return c.problems
}

// run checks what the schema cannot: references between a run's parts.
func (c *schemaChecker) run(path string, run map[string]any) {
	tool, _ := run["tool"].(map[string]any)
	driver, _ := tool["driver"].(map[string]any)
	if driver["name"] != "keysweep" {
		c.errorf(path+".tool.driver.name", "%#v, want keysweep", driver["name"])
	}
	rules, _ := driver["rules"].([]any)
	var ids []string
	for i, r := range rules {
		rule, _ := r.(map[string]any)
		rp := fmt.Sprintf("%s.tool.driver.rules[%d]", path, i)
		id, _ := rule["id"].(string)
		if slices.Contains(ids, id) {
			c.errorf(rp, "duplicate rule id %q", id)
		}
		if len(ids) > 0 && id < ids[len(ids)-1] {
			c.errorf(rp, "rules not sorted by id")
		}
		ids = append(ids, id)
		props, _ := rule["properties"].(map[string]any)
		if s, _ := props["security-severity"].(string); !validSecuritySeverity(s) {
			c.errorf(rp+".properties", "security-severity %#v is not a score from 0.0 to 10.0", props["security-severity"])
		}
		if !slices.Contains([]any{"error", "warning", "recommendation"}, props["problem.severity"]) {
			c.errorf(rp+".properties", "problem.severity %#v", props["problem.severity"])
		}
		if p, ok := props["precision"]; ok && !slices.Contains([]any{"very-high", "high", "medium", "low"}, p) {
			c.errorf(rp+".properties", "precision %#v", p)
		}
		tags, _ := props["tags"].([]any)
		if !slices.Contains(tags, any("security")) {
			c.errorf(rp+".properties.tags", "no \"security\" tag, so GitHub ignores security-severity")
		}
	}

	bases, _ := run["originalUriBaseIds"].(map[string]any)
	for id, b := range bases {
		uri, _ := b.(map[string]any)["uri"].(string)
		if u, err := url.Parse(uri); err != nil || !u.IsAbs() || !strings.HasSuffix(uri, "/") {
			c.errorf(path+".originalUriBaseIds."+id, "base URI %q must be absolute and end with a slash", uri)
		}
	}
	checkArtifact := func(p string, al map[string]any) {
		uri, _ := al["uri"].(string)
		u, err := url.Parse(uri)
		if err != nil {
			return // reported by the schema check
		}
		base, hasBase := al["uriBaseId"].(string)
		switch {
		case hasBase && u.IsAbs():
			c.errorf(p, "absolute URI %q with a uriBaseId", uri)
		case hasBase && bases != nil && bases[base] == nil:
			c.errorf(p, "uriBaseId %q is not in originalUriBaseIds", base)
		case u.IsAbs() && u.Scheme == "file" && !strings.HasPrefix(uri, "file:///"):
			c.errorf(p, "file URI %q is not of the form file:///path", uri)
		}
	}
	checkLocations := func(p string, locs []any) {
		for i, l := range locs {
			loc, _ := l.(map[string]any)
			lp := fmt.Sprintf("%s.locations[%d]", p, i)
			pl, hasPhysical := loc["physicalLocation"].(map[string]any)
			_, hasLogical := loc["logicalLocations"]
			if !hasPhysical && !hasLogical {
				c.errorf(lp, "neither a physical nor a logical location")
			}
			if !hasPhysical {
				continue
			}
			al, _ := pl["artifactLocation"].(map[string]any)
			checkArtifact(lp+".physicalLocation.artifactLocation", al)
			if reg, ok := pl["region"].(map[string]any); ok {
				num := func(k string) int64 {
					n, _ := reg[k].(json.Number).Int64()
					return n
				}
				sl, el := num("startLine"), num("endLine")
				if _, ok := reg["endLine"]; ok && el < sl {
					c.errorf(lp+".physicalLocation.region", "endLine %d before startLine %d", el, sl)
				}
				_, hasSC := reg["startColumn"]
				_, hasEC := reg["endColumn"]
				if hasSC && hasEC && (el == 0 || el == sl) && num("endColumn") < num("startColumn") {
					c.errorf(lp+".physicalLocation.region", "endColumn before startColumn on one line")
				}
			}
		}
	}

	results, _ := run["results"].([]any)
	for i, r := range results {
		res, _ := r.(map[string]any)
		rp := fmt.Sprintf("%s.results[%d]", path, i)
		id, _ := res["ruleId"].(string)
		idx, err := res["ruleIndex"].(json.Number).Int64()
		if !slices.Contains(ids, id) {
			c.errorf(rp, "ruleId %q is not in tool.driver.rules", id)
		} else if err != nil || idx < 0 || int(idx) >= len(ids) || ids[idx] != id {
			c.errorf(rp, "ruleIndex %v does not point at rule %q", res["ruleIndex"], id)
		}
		msg, _ := res["message"].(map[string]any)
		if text, _ := msg["text"].(string); !strings.HasSuffix(text, ".") {
			c.errorf(rp+".message.text", "%q does not end with a period", text)
		}
		locs, _ := res["locations"].([]any)
		if len(locs) == 0 {
			c.errorf(rp+".locations", "GitHub code scanning needs at least one location")
		}
		checkLocations(rp, locs)
		fps, _ := res["partialFingerprints"].(map[string]any)
		if _, ok := fps[finding.FingerprintVersion]; !ok {
			c.errorf(rp+".partialFingerprints", "no %q fingerprint", finding.FingerprintVersion)
		}
	}

	invs, _ := run["invocations"].([]any)
	if len(invs) != 1 {
		c.errorf(path+".invocations", "%d invocations, want 1", len(invs))
	}
	for i, inv := range invs {
		notes, _ := inv.(map[string]any)["toolExecutionNotifications"].([]any)
		for j, n := range notes {
			np := fmt.Sprintf("%s.invocations[%d].toolExecutionNotifications[%d]", path, i, j)
			locs, _ := n.(map[string]any)["locations"].([]any)
			checkLocations(np, locs)
		}
	}
}

// validSecuritySeverity reports whether s is a score GitHub accepts.
func validSecuritySeverity(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && f >= 0 && f <= 10
}

func TestSchema(t *testing.T) {
	show := testReport()
	show.ShowSecrets = true
	noWorkDir := testReport()
	noWorkDir.WorkDir = ""
	noWorkDir.Notices = nil
	for name, r := range map[string]*finding.Report{
		"golden":      testReport(),
		"showSecrets": show,
		"noWorkDir":   noWorkDir,
		"empty":       {},
	} {
		t.Run(name, func(t *testing.T) {
			for _, p := range validateLog(write(t, r)) {
				t.Error(p)
			}
		})
	}
}

// TestSchemaCheckerCatches makes sure the checker above rejects what it
// should, so that TestSchema passing means something.
func TestSchemaCheckerCatches(t *testing.T) {
	golden := write(t, testReport())
	tests := []struct {
		name, old, new, want string
	}{
		{"version", `"version": "2.1.0"`, `"version": "2.0.0"`, "version is"},
		{"unknown property", `"ruleIndex": 0,`, `"ruleIndex": 0, "bogus": 1,`, `"bogus"`},
		{"bad level", `"level": "warning",`, `"level": "fatal",`, "level \"fatal\""},
		{"line 0", `"startLine": 1,`, `"startLine": 0,`, "integer >= 1"},
		{"null", `"validated": false`, `"validated": null`, "null"},
		{"ruleId", `"ruleId": "github-pat"`, `"ruleId": "no-such-rule"`, "not in tool.driver.rules"},
		{"ruleIndex", `"ruleIndex": 3,`, `"ruleIndex": 2,`, "does not point at rule"},
		{"message", `"text": "Statement AllowAll allows Action * on Resource *."`, `"text": "no period"`, "period"},
		{"uriBaseId", `"uriBaseId": "%SRCROOT%"`, `"uriBaseId": "%OTHER%"`, "not in originalUriBaseIds"},
		{"driver", `"name": "keysweep"`, `"name": "other"`, "want keysweep"},
		{"unescaped uri", `"uri": "config/app.env"`, `"uri": "config/app env"`, "must be escaped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(string(golden), tt.old) {
				t.Fatalf("golden output lacks %q", tt.old)
			}
			broken := strings.Replace(string(golden), tt.old, tt.new, 1)
			problems := validateLog([]byte(broken))
			if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, tt.want) }) {
				t.Errorf("no problem mentioning %q; got %q", tt.want, problems)
			}
		})
	}
}
