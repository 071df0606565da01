// Package aws sweeps live AWS accounts for leaked secrets and the
// misconfigurations that expose them: Lambda environment variables, IAM
// policies, Secrets Manager, SSM Parameter Store, KMS keys and CloudTrail,
// across regions and, with an organization role, across accounts.
//
// The sweep is read-only and uses the standard AWS configuration chain
// through aws-sdk-go-v2, so endpoints (AWS_ENDPOINT_URL), retries and
// credentials behave as in every other AWS tool. Every list call is
// paginated; per-resource calls are made only where the API offers no list
// that carries the data (a secret's resource policy, a key's rotation
// status and policy). Secret values are scanned in memory and compared
// across stages by keyed hash only; no message, notice or error contains
// one. A service or region that could not be swept becomes an error
// notice that names the account, region and service, and the sweep goes
// on.
package aws
