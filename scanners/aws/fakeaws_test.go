package aws

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeAWS is an in-process AWS that speaks each service's real wire
// protocol, as the AWS API references describe them: Lambda REST-JSON,
// Secrets Manager, SSM, KMS, CloudTrail and Organizations JSON 1.1, IAM
// and STS query with XML answers. It serves every account and region from
// one endpoint, telling them apart by the SigV4 credential scope (the
// access key names the account).
type fakeAWS struct {
	t   *testing.T
	srv *httptest.Server

	mu       sync.Mutex
	accounts map[string]*fakeAccount // by account ID
	keys     map[string]string       // access key ID → account ID
	calls    map[string]int          // "service.Operation" → count
	// deny makes every call to these services, or these
	// "service.Operation"s, answer AccessDenied.
	deny map[string]bool
	// throttle answers this many ThrottlingExceptions to an operation
	// before serving it.
	throttle map[string]int
	org      []fakeOrgAccount
}

type fakeOrgAccount struct{ id, name string }

// fakeAccount holds one account's resources, all in region.
type fakeAccount struct {
	region    string
	functions []fakeFunction
	secrets   []fakeSecret
	params    []fakeParam
	keys      []fakeKey
	trails    []fakeTrail
	roles     []fakeRole
	managed   map[string]string // managed policy ARN → document
	// enabled are the regions ListRegions names (default: us-east-1 and
	// eu-west-1).
	enabled []string
}

type fakeFunction struct {
	name, kmsKey string
	env          map[string]string
	versions     int // published versions besides $LATEST
}

type fakeSecret struct {
	name, kmsKey                   string
	rotation                       bool
	afterDays                      int
	lastRotated, lastRead, created time.Time
	policy                         string
}

type fakeParam struct{ name, typ, value, keyID string }

type fakeKey struct {
	id, state, alias string
	rotation         bool
	awsManaged       bool
	policy           string
}

type fakeTrail struct {
	name        string
	multiRegion bool
	validation  bool
	logging     bool
	readWrite   string
}

type fakeRole struct {
	name     string
	inline   map[string]string // policy name → document
	attached []string          // managed policy ARNs
}

func newFakeAWS(t *testing.T) *fakeAWS {
	f := &fakeAWS{
		t:        t,
		accounts: map[string]*fakeAccount{},
		keys:     map[string]string{},
		calls:    map[string]int{},
		deny:     map[string]bool{},
		throttle: map[string]int{},
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// addAccount registers an account reached with access key akid.
func (f *fakeAWS) addAccount(id, akid string, a *fakeAccount) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if a.region == "" {
		a.region = "us-east-1"
	}
	f.accounts[id] = a
	f.keys[akid] = id
}

func (f *fakeAWS) count(op string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[op]
}

func (f *fakeAWS) total() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		n += c
	}
	return n
}

var scopeRE = regexp.MustCompile(`Credential=([^/]+)/[0-9]{8}/([^/]+)/([^/]+)/aws4_request`)

func (f *fakeAWS) serve(w http.ResponseWriter, r *http.Request) {
	m := scopeRE.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		http.Error(w, "unsigned request", http.StatusForbidden)
		return
	}
	akid, region, service := m[1], m[2], m[3]
	body, _ := io.ReadAll(r.Body)
	var op string
	var in map[string]any
	var form url.Values
	switch {
	case r.Header.Get("X-Amz-Target") != "":
		target := r.Header.Get("X-Amz-Target")
		op = target[strings.LastIndex(target, ".")+1:]
		if err := json.Unmarshal(body, &in); err != nil {
			f.t.Errorf("%s: bad JSON body: %v", op, err)
		}
	case service == "account":
		op = "ListRegions"
		if err := json.Unmarshal(body, &in); err != nil {
			f.t.Errorf("%s: bad JSON body: %v", op, err)
		}
	case service == "lambda":
		op = "ListFunctions"
		if r.Method != http.MethodGet || !strings.HasPrefix(r.URL.Path, "/2015-03-31/functions") {
			op = r.Method + " " + r.URL.Path
		}
	default:
		form, _ = url.ParseQuery(string(body))
		op = form.Get("Action")
	}
	f.mu.Lock()
	f.calls[service+"."+op]++
	acctID := f.keys[akid]
	acct := f.accounts[acctID]
	denied := f.deny[service] || f.deny[service+"."+op]
	throttled := f.throttle[op] > 0
	if throttled {
		f.throttle[op]--
	}
	f.mu.Unlock()
	query := service == "iam" || service == "sts"
	switch {
	case acct == nil:
		f.fail(w, query, http.StatusForbidden, "InvalidClientTokenId", "The security token included in the request is invalid.")
		return
	case denied:
		code := "AccessDeniedException"
		if query {
			code = "AccessDenied"
		}
		f.fail(w, query, http.StatusForbidden, code, fmt.Sprintf("User is not authorized to perform: %s:%s", service, op))
		return
	case throttled:
		f.fail(w, query, http.StatusBadRequest, "ThrottlingException", "Rate exceeded")
		return
	}
	if region != acct.region && service != "iam" && service != "sts" && service != "organizations" && service != "account" {
		acct = &fakeAccount{region: region} // other regions are empty
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	switch service {
	case "sts":
		f.sts(w, op, form, acctID)
	case "iam":
		f.iam(w, op, acctID, acct)
	case "lambda":
		f.lambda(w, r.URL.Query(), acctID, acct)
	case "secretsmanager":
		f.secrets(w, op, in, acctID, acct)
	case "ssm":
		f.ssm(w, op, in, acctID, acct)
	case "kms":
		f.kms(w, op, in, acctID, acct)
	case "cloudtrail":
		f.cloudtrail(w, op, acctID, acct)
	case "organizations":
		f.organizations(w, op)
	case "account":
		f.listRegions(w, in, acct)
	default:
		f.t.Errorf("unexpected service %s", service)
		http.Error(w, "unknown service", http.StatusBadRequest)
	}
}

// fail answers an error in the service's protocol.
func (f *fakeAWS) fail(w http.ResponseWriter, query bool, status int, code, msg string) {
	if query {
		w.Header().Set("Content-Type", "text/xml")
		w.WriteHeader(status)
		fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`, code, msg)
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-ErrorType", code)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"__type": code, "message": msg})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_ = json.NewEncoder(w).Encode(v)
}

func writeXML(w http.ResponseWriter, op string, result string) {
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<%sResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><%sResult>%s</%sResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></%sResponse>`, op, op, result, op, op)
}

func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func epoch(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return float64(t.Unix())
}

// page returns the items of one page of a list paginated by an integer
// token, and the next token ("" at the end).
func page[T any](items []T, token string, size int) ([]T, string) {
	start, _ := strconv.Atoi(token)
	end := min(start+size, len(items))
	if start > end {
		start = end
	}
	next := ""
	if end < len(items) {
		next = strconv.Itoa(end)
	}
	return items[start:end], next
}

func str(in map[string]any, key string) string {
	s, _ := in[key].(string)
	return s
}

func num(in map[string]any, key string, def int) int {
	if n, ok := in[key].(float64); ok && n > 0 {
		return int(n)
	}
	return def
}

func (f *fakeAWS) sts(w http.ResponseWriter, op string, form url.Values, acctID string) {
	switch op {
	case "GetCallerIdentity":
		writeXML(w, op, fmt.Sprintf(`<Arn>arn:aws:iam::%s:user/sweeper</Arn><UserId>AIDSWEEPERUSER</UserId><Account>%s</Account>`, acctID, acctID))
	case "AssumeRole":
		role := form.Get("RoleArn")
		target := strings.Split(role, ":")[4]
		akid := "ASSUMED" + target
		f.keys[akid] = target
		writeXML(w, op, fmt.Sprintf(`<Credentials><AccessKeyId>%s</AccessKeyId><SecretAccessKey>fake-secret-for-%s</SecretAccessKey><SessionToken>fake-session</SessionToken><Expiration>%s</Expiration></Credentials><AssumedRoleUser><Arn>%s/keysweep</Arn><AssumedRoleId>AROAFAKE:keysweep</AssumedRoleId></AssumedRoleUser>`,
			akid, target, time.Now().Add(time.Hour).UTC().Format(time.RFC3339), xmlText(role)))
	default:
		f.t.Errorf("sts: unexpected %s", op)
	}
}

func (f *fakeAWS) iam(w http.ResponseWriter, op, acctID string, a *fakeAccount) {
	if op != "GetAccountAuthorizationDetails" {
		f.t.Errorf("iam: unexpected %s", op)
		return
	}
	var b strings.Builder
	b.WriteString(`<IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/><RoleDetailList>`)
	for _, r := range a.roles {
		fmt.Fprintf(&b, `<member><RoleName>%s</RoleName><Arn>arn:aws:iam::%s:role/%s</Arn><RolePolicyList>`, r.name, acctID, r.name)
		names := make([]string, 0, len(r.inline))
		for n := range r.inline {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(&b, `<member><PolicyName>%s</PolicyName><PolicyDocument>%s</PolicyDocument></member>`, n, xmlText(url.PathEscape(r.inline[n])))
		}
		b.WriteString(`</RolePolicyList><AttachedManagedPolicies>`)
		for _, arn := range r.attached {
			fmt.Fprintf(&b, `<member><PolicyName>%s</PolicyName><PolicyArn>%s</PolicyArn></member>`, arn[strings.LastIndex(arn, "/")+1:], arn)
		}
		b.WriteString(`</AttachedManagedPolicies></member>`)
	}
	b.WriteString(`</RoleDetailList><Policies>`)
	for arn, doc := range a.managed {
		fmt.Fprintf(&b, `<member><PolicyName>%s</PolicyName><Arn>%s</Arn><PolicyVersionList><member><Document>%s</Document><IsDefaultVersion>true</IsDefaultVersion><VersionId>v1</VersionId></member></PolicyVersionList></member>`,
			arn[strings.LastIndex(arn, "/")+1:], arn, xmlText(url.PathEscape(doc)))
	}
	b.WriteString(`</Policies>`)
	writeXML(w, op, b.String())
}

func (f *fakeAWS) lambda(w http.ResponseWriter, q url.Values, acctID string, a *fakeAccount) {
	all := q.Get("FunctionVersion") == "ALL"
	var confs []map[string]any
	for _, fn := range a.functions {
		arn := fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", a.region, acctID, fn.name)
		versions := []string{"$LATEST"}
		if all {
			for v := 1; v <= fn.versions; v++ {
				versions = append(versions, strconv.Itoa(v))
			}
		}
		for _, v := range versions {
			c := map[string]any{"FunctionName": fn.name, "FunctionArn": arn, "Runtime": "python3.13", "Version": v}
			if v != "$LATEST" {
				c["FunctionArn"] = arn + ":" + v
			}
			if fn.env != nil {
				c["Environment"] = map[string]any{"Variables": fn.env}
			}
			if fn.kmsKey != "" {
				c["KMSKeyArn"] = fmt.Sprintf("arn:aws:kms:%s:%s:key/%s", a.region, acctID, fn.kmsKey)
			}
			confs = append(confs, c)
		}
	}
	size, _ := strconv.Atoi(q.Get("MaxItems"))
	if size <= 0 || size > 50 {
		size = 50
	}
	items, next := page(confs, q.Get("Marker"), size)
	out := map[string]any{"Functions": items}
	if next != "" {
		out["NextMarker"] = next
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

func (f *fakeAWS) secrets(w http.ResponseWriter, op string, in map[string]any, acctID string, a *fakeAccount) {
	arn := func(s fakeSecret) string {
		return fmt.Sprintf("arn:aws:secretsmanager:%s:%s:secret:%s-AbCdEf", a.region, acctID, s.name)
	}
	switch op {
	case "ListSecrets":
		var list []map[string]any
		for _, s := range a.secrets {
			e := map[string]any{"ARN": arn(s), "Name": s.name, "RotationEnabled": s.rotation,
				"CreatedDate": epoch(s.created), "LastRotatedDate": epoch(s.lastRotated), "LastAccessedDate": epoch(s.lastRead)}
			if s.kmsKey != "" {
				e["KmsKeyId"] = s.kmsKey
			}
			if s.afterDays > 0 {
				e["RotationRules"] = map[string]any{"AutomaticallyAfterDays": s.afterDays}
			}
			list = append(list, e)
		}
		items, next := page(list, str(in, "NextToken"), num(in, "MaxResults", 100))
		out := map[string]any{"SecretList": items}
		if next != "" {
			out["NextToken"] = next
		}
		writeJSON(w, out)
	case "GetResourcePolicy":
		for _, s := range a.secrets {
			if arn(s) == str(in, "SecretId") {
				out := map[string]any{"ARN": arn(s), "Name": s.name}
				if s.policy != "" {
					out["ResourcePolicy"] = s.policy
				}
				writeJSON(w, out)
				return
			}
		}
		f.fail(w, false, http.StatusBadRequest, "ResourceNotFoundException", "no such secret")
	default:
		f.t.Errorf("secretsmanager: unexpected %s", op)
	}
}

func (f *fakeAWS) ssm(w http.ResponseWriter, op string, in map[string]any, acctID string, a *fakeAccount) {
	arn := func(name string) string {
		return fmt.Sprintf("arn:aws:ssm:%s:%s:parameter%s", a.region, acctID, name)
	}
	switch op {
	case "DescribeParameters":
		var list []map[string]any
		for _, p := range a.params {
			e := map[string]any{"Name": p.name, "Type": p.typ, "ARN": arn(p.name)}
			if p.keyID != "" {
				e["KeyId"] = p.keyID
			}
			list = append(list, e)
		}
		items, next := page(list, str(in, "NextToken"), num(in, "MaxResults", 50))
		out := map[string]any{"Parameters": items}
		if next != "" {
			out["NextToken"] = next
		}
		writeJSON(w, out)
	case "GetParameters":
		if d, _ := in["WithDecryption"].(bool); d {
			f.t.Errorf("ssm: GetParameters asked for decryption")
		}
		names, _ := in["Names"].([]any)
		if len(names) > 10 {
			f.t.Errorf("ssm: GetParameters with %d names", len(names))
		}
		var params []map[string]any
		for _, n := range names {
			for _, p := range a.params {
				if p.name == n {
					params = append(params, map[string]any{"Name": p.name, "Type": p.typ, "Value": p.value, "ARN": arn(p.name), "Version": 1})
				}
			}
		}
		writeJSON(w, map[string]any{"Parameters": params, "InvalidParameters": []string{}})
	default:
		f.t.Errorf("ssm: unexpected %s", op)
	}
}

func (f *fakeAWS) kms(w http.ResponseWriter, op string, in map[string]any, acctID string, a *fakeAccount) {
	arn := func(id string) string { return fmt.Sprintf("arn:aws:kms:%s:%s:key/%s", a.region, acctID, id) }
	find := func() *fakeKey {
		id := keyRef(str(in, "KeyId"))
		for i := range a.keys {
			if a.keys[i].id == id {
				return &a.keys[i]
			}
		}
		return nil
	}
	switch op {
	case "ListKeys":
		var list []map[string]any
		for _, k := range a.keys {
			list = append(list, map[string]any{"KeyId": k.id, "KeyArn": arn(k.id)})
		}
		items, next := page(list, str(in, "Marker"), num(in, "Limit", 100))
		out := map[string]any{"Keys": items, "Truncated": next != ""}
		if next != "" {
			out["NextMarker"] = next
		}
		writeJSON(w, out)
	case "ListAliases":
		var list []map[string]any
		for _, k := range a.keys {
			if k.alias != "" {
				list = append(list, map[string]any{"AliasName": k.alias, "TargetKeyId": k.id,
					"AliasArn": fmt.Sprintf("arn:aws:kms:%s:%s:%s", a.region, acctID, k.alias)})
			}
		}
		writeJSON(w, map[string]any{"Aliases": list, "Truncated": false})
	case "DescribeKey":
		k := find()
		if k == nil {
			f.fail(w, false, http.StatusBadRequest, "NotFoundException", "no such key")
			return
		}
		manager := "CUSTOMER"
		if k.awsManaged {
			manager = "AWS"
		}
		writeJSON(w, map[string]any{"KeyMetadata": map[string]any{"KeyId": k.id, "Arn": arn(k.id), "AWSAccountId": acctID,
			"KeyManager": manager, "KeyState": k.state, "Enabled": k.state == "Enabled", "KeySpec": "SYMMETRIC_DEFAULT",
			"KeyUsage": "ENCRYPT_DECRYPT", "Origin": "AWS_KMS"}})
	case "GetKeyRotationStatus":
		k := find()
		if k == nil || k.state != "Enabled" {
			f.t.Errorf("kms: rotation status of a key that is not enabled")
			f.fail(w, false, http.StatusBadRequest, "KMSInvalidStateException", "key not enabled")
			return
		}
		writeJSON(w, map[string]any{"KeyRotationEnabled": k.rotation, "KeyId": arn(k.id)})
	case "GetKeyPolicy":
		k := find()
		if k == nil {
			f.fail(w, false, http.StatusBadRequest, "NotFoundException", "no such key")
			return
		}
		writeJSON(w, map[string]any{"Policy": k.policy, "PolicyName": "default"})
	default:
		f.t.Errorf("kms: unexpected %s", op)
	}
}

func (f *fakeAWS) cloudtrail(w http.ResponseWriter, op string, acctID string, a *fakeAccount) {
	arn := func(name string) string {
		return fmt.Sprintf("arn:aws:cloudtrail:%s:%s:trail/%s", a.region, acctID, name)
	}
	find := func() *fakeTrail {
		for i := range a.trails {
			return &a.trails[i] // the fake's accounts have at most one multi-region trail
		}
		return nil
	}
	switch op {
	case "DescribeTrails":
		var list []map[string]any
		for _, t := range a.trails {
			list = append(list, map[string]any{"Name": t.name, "TrailARN": arn(t.name), "HomeRegion": a.region,
				"IsMultiRegionTrail": t.multiRegion, "LogFileValidationEnabled": t.validation, "S3BucketName": "trail-logs"})
		}
		writeJSON(w, map[string]any{"trailList": list})
	case "GetTrailStatus":
		t := find()
		writeJSON(w, map[string]any{"IsLogging": t != nil && t.logging})
	case "GetEventSelectors":
		t := find()
		writeJSON(w, map[string]any{"TrailARN": arn(t.name), "EventSelectors": []map[string]any{
			{"ReadWriteType": t.readWrite, "IncludeManagementEvents": true}}})
	default:
		f.t.Errorf("cloudtrail: unexpected %s", op)
	}
}

func (f *fakeAWS) organizations(w http.ResponseWriter, op string) {
	if op != "ListAccounts" {
		f.t.Errorf("organizations: unexpected %s", op)
		return
	}
	var list []map[string]any
	for _, a := range f.org {
		list = append(list, map[string]any{"Id": a.id, "Name": a.name, "Status": "ACTIVE",
			"Arn": "arn:aws:organizations::111111111111:account/o-example/" + a.id})
	}
	writeJSON(w, map[string]any{"Accounts": list})
}

func (f *fakeAWS) listRegions(w http.ResponseWriter, in map[string]any, a *fakeAccount) {
	enabled := a.enabled
	if enabled == nil {
		enabled = []string{"us-east-1", "eu-west-1"}
	}
	// One region a page, to exercise pagination.
	items, next := page(enabled, str(in, "NextToken"), 1)
	var list []map[string]any
	for _, r := range items {
		list = append(list, map[string]any{"RegionName": r, "RegionOptStatus": "ENABLED"})
	}
	list = append(list, map[string]any{"RegionName": "me-south-1", "RegionOptStatus": "DISABLED"})
	out := map[string]any{"Regions": list}
	if next != "" {
		out["NextToken"] = next
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}
