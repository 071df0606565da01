// Package secretleak defines an Analyzer that reports secrets flowing to
// logs, error messages, HTTP responses and the environment.
//
// # Analyzer secretleak
//
// secretleak: report secrets that reach logs, errors, responses or os.Setenv
//
// The analysis runs on SSA form, one function at a time. Its sources are:
//
//   - os.Getenv and os.LookupEnv of a secret-looking name (DB_PASSWORD,
//     API_TOKEN; not HOME or AWS_REGION);
//   - the SecretString and SecretBinary of a Secrets Manager
//     GetSecretValueOutput (aws-sdk-go-v2);
//   - the Value of an SSM types.Parameter, in a function that asks SSM
//     for parameters WithDecryption;
//   - fields of structs tagged secret:"true", sensitive:"true" or
//     keysweep:"secret".
//
// A value derived from a source (converted, concatenated, formatted with
// fmt.Sprintf, passed through strings, bytes, strconv or encoding
// functions, stored in a local variable, slice or struct) is tracked to
// the sinks: fmt.Print*, fmt.Fprint* to os.Stdout, os.Stderr or an
// http.ResponseWriter, the log and log/slog packages, panic, errors.New
// and fmt.Errorf, http.ResponseWriter.Write, io.WriteString and
// http.Error to a ResponseWriter (category go-secret-logged), and
// os.Setenv (category go-secret-in-env; a value read from the
// environment may go back to it).
//
// Across functions and packages, an object fact marks each function one
// of whose parameters reaches a sink, so that calling a logging wrapper
// with a secret is reported at the call. The standard library gets no
// facts: its sinks are named directly.
//
// Generated files are skipped, and so are _test.go files unless -tests is
// set (default false). A `// keysweep:allow <reason>` comment on the
// line of the sink, or the line above, suppresses a report.
package secretleak
