package rules

// wordList is the vocabulary the generic rules use to tell a value made of
// words (an identifier, a message, a placeholder) from a random secret:
// every lower-cased word of three to fifteen letters that occurs at least
// five times in the comments of Go's own non-test sources, less runs of hex
// letters, vowel-less fragments and triple letters, plus common programming
// abbreviations and configuration, web and cloud vocabulary added by hand,
// all sorted. The list was made with
//
//	find $(go env GOROOT)/src -name '*.go' -not -name '*_test.go' -not -path '*/testdata/*' |
//	  xargs cat | grep -o '//.*' | tr -c 'A-Za-z' '\n' | grep -E '^[A-Za-z][a-z]{2,14}$' |
//	  tr A-Z a-z | sort | uniq -c | awk '$1>=5{print $2}'
//
// and is maintained by hand since: add a word when a generic rule reports a
// value made of it.
const wordList = `
aarch abbrev abbreviated abbreviation abbreviations abbrevs abi abigen
ability able abort aborted aborting aborts about above abs absence
absent absolute absolutely absorb absorbed absorbing absorbs abstime
abstract abstraction abstracts abuse abutting accept acceptable accepted
accepting accepts access accessed accesses accessible accessing accessor
accessors accidental accidentally accommodate accompanying accomplish
accomplished according accordingly account accounted accounting accounts
acct accumulate accumulated accumulates accumulating accumulator accuracy
accurate accurately ace achieve achieved acl aclcheck aclp acme acosh
acquire acquired acquirem acquires acquiretime acquiring acquisition across
act action actions activated active actively activity actor acts actual
actually adapt adapted adapter adaptive adapts add addchain addcon added
addend addends addi adding addis addition additional additionally additions
addmoduledata addon addons addr address addressability addressable addressed
addresses addressing addrlen addrs addrtaken adds addsrc adj adjacent adjfreq
adjoining adjtime adjust adjusted adjusting adjustment adjustments adjusts
adler admin administrator admit adobe adoc adonovan adopted adrp advance
advanced advances advancing advantage advapi advertise advertised advice
advisory aes affect affected affecting affects affine affinity africa after
afterward afterwards again against age agent agents aggregate aggregated
aggregates aggressive aggressively agnostic ago agree agreed agreement
agrees ahead aid aims aio aiocb aiocbp air aix aka alarm albers alen alert
alerts alg algebraic algo algorithm algorithmically algorithms alias aliased
aliases aliasing alice align aligned aligning alignment alignments alignof
aligns alive alives all allg allglock allgptr allgs allm alloc allocate
allocated allocates allocating allocation allocations allocator allocators
allocm allocs allow allowed allowing allows allp allspans almost alone along
alongside alpha alphabet alphabetical alphabetically alphanumeric alpine
already alsl also alt alter altering alternate alternation alternative
alternatively alternatives although altogether always ambient ambiguities
ambiguity ambiguous amcas amd amended america amet ammax ammin amode among
amonth amortize amortizes amount amounts amp ampersands amswap analogous
analyses analysis analyze analyzed analyzer analyzers analyzes analyzing
anamelen anames ancestor ancestors anchor anchored ancient and android
anew angle annotate annotated annotating annotation annotations announce
announced annoying anom anon anonymous another ans ansi answer answers any
anybody anycast anyhow anymore anyone anything anyway anywhere aop apache
apart api apikey apis apos app apparent apparently appear appearance
appeared appearing appears append appended appending appendix appends
appengine apple applicable application applications applied applies
apply applying approach approaches appropriate appropriately approved
approx approximate approximated approximately approximation apps aram
arbitrarily arbitrary arc arch archauxv arches architecture architectures
archive archives archreloc archs are area aren arena arenas arg argc argp
args argsize argstorage arguably argument argumentation arguments argv
argvv arise arises arithmetic arm arn arne arns around arpa arr arrange
arranged arrangement arranges arranging array arrays arrival arrive arrived
arrives arriving arrow arshal arshaler arshalers article articles artifact
artifacts arxiv asa asan ascend ascending ascii asia aside asinh ask asked
asking asks asleep asm asmb asmcgocall asmflags asmout asn asof aspects
aspx assemble assembled assembler assemblers assembles assembling assembly
assert asserted asserting assertion assertions asserts assign assignability
assignable assigned assigning assignment assignments assigns assist assists
associate associated associates associating association assume assumed
assumes assuming assumption assumptions assured ast astate asterisk astutil
asymmetric asymptotic async asynchronous asynchronously asynctimerchan atan
atanh atflag atflags atime atoi atom atomic atomically atomics atomicstatus
atomicxor attach attached attaches attack attacker attacks attempt attempted
attempting attempts attention attr attribute attributed attributes attrlist
attrname attrnamespace attrp attrs audience audit auditctl auditinfo auditon
augment augmented auid auipc austin australia auth authenticate authenticated
authenticates authenticating authentication authenticator authn author
authorities authority authorization authors authz auto autogenerated
autolib autolinks automated automatic automatically autos autotmp aux
auxiliary auxint auxs auxv availability available avalsize average avg avo
avoid avoided avoiding avoids avx await awake aware away awful awkward
awoken aws axis ayday azure babe back backed backedge backedges backend
background backing backlog backoff backref backs backslash backslashes
backtrace backtrack backtracker backtracking backup backward backwards bad
badlinkname badly bail baillie bailout balance balanced balancer balancing
band bands bandwidth bang banner bar bare barrier barriers base basebits
based basedir baseline basename basep basepoint bases bash basic basically
basis bat batch batches batching battery baz bazaar bazel bcher bcmills
bead bearer became because become becomes becoming bed beef been before
beforehand began begin beginning begins behalf behav behave behaved behaves
behavior behaviors behaviour behind being believe believed bell bellman
belong belonging belongs below bench benchmark benchmarking benchmarks
benchtime beneath benefit benefits berkeley besides bessel best beta
better between beware beyond bfloat bias biased biases bidi bidirectional
bidirule big bigfft bigger bigmod billing bimm bin binaries binary bind
bindat binding bindings bindm binds binutils bio bisect bit bitbucket
bitcon bitfield bitfields bitmap bitmaps bitmask bits bitset bitstream
bitvector bitwidth bitwise black blah blank blanks blend blends blindly
blob blobs bloc block blocked blocking blocks blog blogs bloop blow blue
board bob bodies body bodyless bogus boilerplate book bookkeeping bool
boolean booleans bools boolval bootstr bootstrap bootstrapping boring
boringcrypto boringssl borrow borrowed botch both bother bothering bottom
bound boundaries boundary bounded bounds box boxed boxes brace braced braces
bracket bracketed bracketing brackets bradfitz brainman branch branches
branching branchy breadth break breaker breaking breakpoint breaks brevity
bridge brief briefly bring bringing brings broadcast broader broadly broke
broken browser browsers bruce brute bswap bubble bubbled bubbles bucket
buckets budget buf bufcnt buff buffer buffered buffering buffers bufio buflen
bufp bufptr bufs bufsize bug buggy bugs bugzilla build buildcfg builder
builders buildid buildinfo building buildmode builds buildssa buildvcs built
builtin builtins bulk bullet bump bunch bundle bundled business busy but
butterflies butterfly button buttons bypass bypassing byte bytealg bytecode
bytedance bytes byval bzip cab cache cacheable cached caches caching caddr
cafe calculate calculated calculates calculating calculation calculations
calendar calendrical calibrate call callable callback callbackasm callbacks
called callee callees caller callers callgraph callgrind calling calls
callsite callsites came can cancel canceled canceling cancellation cancels
candidate candidates cands cannot canonical canonicalize canonicalized
canonicalizes canonicalizing canonically cap capabilities capability capable
capacity capital capitalization capitalized capped capture captured captures
capturing cardinality care careful carefully cares carol carriage carried
carrier carries carry carrying carryless cart cas case cased caser cases
casgstatus casing cast casted casts casually cat catapult catch catches
categories category caught cause caused causes causing caution cautious
caveats cday cdays cdecl cdefs ceil ceiling cell cells central century
cephes cert certain certainly certificate certificates certified certs
cest cfg cfunc cgi cgit cgo cgocall cgocallback cgocallbackg cgocheck
cgoexp cgroup cgroups chacha chain chained chaining chains challenge
chan chance chances change changed changelist changeme changes changing
chanlen channel channels chanrecv chansend chap chapter char character
characteristics characters charge chars charset chatty chdir cheap cheaper
cheaprand cheat check checkdead checked checker checkers checkfinalizers
checking checkmark checkmarks checkout checkpoint checkptr checks checksum
checksums chen cher chflags chflagsat child children chmod choice choices
choose chooses choosing chop chopped chose chosen chown chroma chrome
chromium chroot chtimes chunk chunked chunking chunks churn cipher ciphers
ciphersuite ciphertext ciphertexts circuit circular circumstances claim
claimed claims clamp clamping clang clarify clarity clashes class classes
classic classification classified classifies classify clause clauses
clean cleaned cleaner cleaning cleanly cleans cleanup cleanups clear
cleared clearenv clearer clearing clearly clears clever client clients
clip clipped clo clobber clobberdead clobbered clobbering clobbers clock
clockid clocks clog clone cloned clonefile clonefileat cloner cloning
close closed closedir closefrom closely closemu closer closes closesocket
closest closing closure closures cloud cloudwego cls clumsy cluster clusters
cmark cmath cmd cmdline cmovznz cmpstring cname coalesce coalesced coarse
code codec coded codegen codehost codepaths codepoint codepoints codeptr
codes coding coefficient coefficients col collapse collapsed collapsing
collect collected collecting collection collections collectively collector
collects collision collisions colon colons color colors column columns com
combination combinations combine combined combines combining combo come
comes coming comm comma command commands commaok commas comment commentary
commented comments commercial commit commits committed common commonly
communicate communicating communication community commutative comp compact
compacted company comparability comparable comparator compare compared
compares comparing comparison comparisons compat compatibility compatible
compensate compilation compilations compile compiled compiler compilers
compiles compiling complain complains complement complete completed
completely completes completing completion complex complexity compliance
compliant complicate complicated complicates complications complies complit
comply component components compose composed composing composite composites
composition compound compress compressed compresses compressing compression
compressor comprise compromise computation computational computations
compute computed computer computes computing con conc concat concatenate
concatenated concatenates concatenating concatenation concept conceptual
conceptually concern concerned concise concrete concretely concurrency
concurrent concurrently cond condition conditional conditionally conditions
conf confidence confident confidential config configmap configs configurable
configuration configurations configure configured configures confirm
confirmation confirmed confirms conflict conflicting conflicts conform
conformance conforming conforms confuse confused confuses confusing confusion
congestion conjunction conn connect connectat connected connecting connection
connections connector connects connectx conns cons consectetur consecutive
consequence consequently conservative conservatively consider consideration
considerations considered considering considers consist consistency
consistent consistently consisting consists console consolidated const
constant constants constload constrained constraint constraints construct
constructed constructing construction constructor constructors constructs
consts consult consulted consulting consults consume consumed consumer
consumers consumes consuming consumption contain contained container
containers containing containment contains contended content contention
contents context contexts contextual contiguous contiguously continuation
continue continued continues continuing continuous continuously contract
contradict contradiction contrast contribute contributes contribution
contributions control controlled controller controllers controlling
controls conv convenience convenient conveniently convention conventional
conventionally conventions converge convergence converse conversely
conversion conversions convert converted converter convertible converting
converts cooked cookie cookies coordinate coordinates coordinating
coordinator coords copied copies coprime copy copying copylocks copyright
copyrighted copysign core cores corner coro coroswitch coroutine corp corpus
correct corrected correcting correction correctly correctness correlate
correspond correspondent corresponding correspondingly corresponds corrupt
corrupted corruption cos cosequences cosh cosine cost costly costs could
couldn count counted counter counterpart counters counting country counts
couple course cov covcounters cover coverable coverage covered covering
covermode coverpkg coverprofile covers covmeta cpacf cphandle cpp cpu cpuid
cpulevel cpuprofile cpus cpuset cpusetid cpusetsize cputicks cpuwhich
craft crandall crash crasher crashes crashing crashmonitor crc creat
create created creates creating creation credential credentials credit
criteria critical cron cross crosscall crosses crossing croutine crypt
crypto cryptobyte cryptographic cryptography cryptotest cse csect csrf
csv ctan ctime ctrlflow ctty ctx ctype cube cum cumulative cur curfn curg
currency current currently cursor cursors curve curves custom customer
customers customization customize customized cut cutab cutoff cutover
cuts cutset cvsweb cycle cycles cyclic cyear dacl daemon dag daily dance
danger dangerous dangling darwin dash dashboard dashes data database
databases dataflow datagram dataqsiz datatracker date dave day daylight
days dcon dconv ddi dead deadcode deadline deadlines deadlock deadlocks
deaf deal dealing deallocate deallocated deals death debt debug debugger
debuggers debugging debuglog decade decapsulate decapsulation decent decide
decided decides deciding decimal decision decisions deck decl declaration
declarations declare declared declares declaring decls decltype decode
decoded decoder decoders decoderune decodes decoding decompose decomposed
decomposes decomposing decomposition decompositions decompress decompressed
decompresses decompressing decompression decompressor decomps decrease
decreases decreasing decref decrement decremented decrementing decrements
decrypt decrypted decrypter decryption decrypts dedicated deduce dedup
deduplicate deduplicated deduplication deemed deep deeper deepest deeply
deface default defaulting defaults defeat defeating defeats defensive
defensively defer deferproc deferprocat deferrangefunc deferred deferreturn
deferring defers define defined defines defining definitely definition
definitions deflate defn defs defunct degenerate degrade degree del delay
delayed delaying delays delegate delegated delete deleted deletes deleting
deletion deletions deliberately delicate delight delim delimited delimiter
delimiters delims deliver delivered delivers delivery delta deltas delve
demand demangle demangled demangler demangles demangling demo demonstrate
demonstrates demos denied denominator denormal denormalized denote denoted
denotes denoting dense densely density dep departed depend dependence
dependencies dependency dependent depending depends depicts depleted
deploy deployer deployment deprecated deprecation deprecations deps depth
depths dequeue derandomized deref dereference dereferenced dereferences
dereferencing derefs derivation derive derived derives deriving desc
descend descending descends descent deschedule describe described describes
describing description descriptions descriptive descriptor descriptors
deserializes design designated designed desirable desired desktop despite
dest destination destinations destptr destroy destroyed destruction
destructor detach detail detailed details detect detected detecting detection
detector detects determination determine determined determines determining
determinism deterministic dev devel develop developed developer developers
development device devices devirtualize devirtualized devirtualizing devnode
diag diagnose diagnosing diagnostic diagnostics diagonal diagonals diagram
dial dialer dialers dialing dialog dials dict dictionaries dictionary did
didn die died dies diff differ difference differences different differentiate
differently differing differs difficult diffie diffs digest digit digital
digits dim dimension dimensional dimensions dingus dir dirac direct directed
direction directional directionality directions directive directives
directly director directories directory dirent dirfd dirname dirs
dirty disable disabled disables disabling disallow disallowed disallows
disambiguate disambiguating disambiguation disambiguator disappeared
disasm disassembled disassembler disassembles disassembly disassociate
discard discarded discarding discards discontiguous discouraged discover
discovered discovering discriminator discussed discussion disjoint disk
disp dispatch dispatches displacement display displayed displaying displays
disposal dispose disposition disqualified disqualify dissociate dist distance
distinct distinction distinguish distinguished distinguishes distinguishing
distpack distribute distributed distribution distributions ditto div divide
divided dividend divides dividing divisibility divisible division divisions
divisor divisors dll dlog dlogger dlsym dmo dns dnsapi doc docker docs
document documentation documented documents dodata doe does doesn doi
doing dollar dolor dom domain domains domainset domainsetsize dominance
dominant dominate dominated dominates dominating dominator domorder don done
dostrcmp dot dotdotdot dotpath dots dotted double doubled doubles doubleword
doublewords doubling doublings doubly doubt down downgrade downgraded
downgrades downgrading download downloaded downloading downloads downside
downstream draft dragonbox dragonfly drain drained drains drangefunc draw
drawer drawing drawn draws drive driven driver drivers drives drop dropg
dropgodebug dropm dropped dropping dropreplace drops dsa dsnet dso dst
dsymutil dual due duff duffcopy duffzero dummy dump dumped dumping dumps
dup duper duplicable duplicate duplicated duplicates duplicating duplication
dupok dups durable durably duration durations during dwarf dword dying dyld
dylib dyn dynamic dynamically dynamicbase dynid dynimport dynlink eaccess
each eager eagerly earlier earliest early ease easier easiest easily east
easy eat eax ebitengine ebx ecdh ecdsa echo echoed ecosystem ecx edge edges
edir edit edited editing edition editor editors edits edu edwards efaceeq
effect effective effectively effects efficiency efficient efficiently
effort egid egress eight eisel either elapsed elapses elegant elem element
elementary elements elems elemsize elf elfreloc elide elided elides
eliding eligible eliminate eliminated eliminates eliminating elimination
ellipsis elliptic ellis else elsewhere email emails embed embedded
embedding embeddings embeds emission emit emitempty emitnull emits emitted
emitter emitting emoji emphasis emphasize empirical empirically employed
emptied empties empty emulate emulated emulates emulation enable enabled
enables enabling enc encapsulate encapsulated encapsulates encapsulation
encapsulator enclose enclosed encloses enclosing encode encoded encoder
encoders encodes encoding encodings encounter encountered encountering
encounters encouraged encrypt encrypted encrypting encryption encrypts end
ended endian endianness endif ending endings endless endpoint endpoints ends
enforce enforced enforcement enforces engine english enhanced enhancements
enhances enough enqueue enqueued enqueues ensure ensured ensures ensuring
enter entered entering enters entersyscall entire entirely entirety entities
entity entries entropy entry entrypoint ents enum enumerate enumerated
enumerates enumeration enumerator env environ environment environments envp
envs envv eof epfd ephemeral epilogue epoch epoll eprint equal equality
equally equals equation equidistant equivalence equivalent equivalently
equivalents eqz erase erased erf erfc erfcinv erfinv ergonomic err errata
errcode errgroup errno erroneous erroneously error errorf errors errorsas
errorsastype errs esc escape escaped escaper escapers escapes escaping
esize especially essentially establish established establishes establishing
estimate estimated estimates etc etext etype euclidean euid euler europe
eval evaluate evaluated evaluates evaluating evaluation evaluators eve
even evenly event eventlist events eventual eventually ever every everyone
everything everywhere evict evicted evident evp exact exactly examine
examined examines example examples exceed exceeded exceeding exceeds except
exception exceptions excess excessive excessively exchange exchangedata
exchanges exclude excluded excludes excluding exclusion exclusions exclusive
exclusively exclusivity exe exec execpromises executable executables execute
executed executes executing execution executions execve exempt exercise
exhausted exhaustion exhaustive exist existed existence existent existing
exists exit exitcode exited exiting exits exitsyscall exp expand expanded
expanding expands expansion expansions expect expectation expectations
expected expecting expects expense expensive experience experiment
experimental experiments expert expiration expire expired expires expiry
explain explained explaining explains explanation explicit explicitly
exploit explore expm exponent exponential exponentially exponentiation
exponents export exported exporting exportint exports exportuint expose
exposed exposes exposing expr express expressed expression expressions
exproj exprs expvar ext extattr extattrctl extend extendable extended
extending extends extension extensions extent extern external externally
extld extldflags extra extract extracted extracting extraction extracts
extraneous extremely faccessat face faced facilitate facilities facility
facing facs fact facto factor factored factoring factors factory facts
fade faded fadvise fail failed failing failretval fails failure failures
fairly fake faketime falcon fall fallback fallible falling fallocate falls
fallthrough false families family faq far farther farthest fashion fast
fastcall faster fastest fastrand faststr fat fatal fatalf fault faulted
faulting faults favor fbits fchdir fchflags fchmod fchmodat fchown
fchownat fchroot fclonefileat fcntlrights fcntlrightsp fcount fdatasync
fdes fdopendir fdseq fdstat feature features february fed feed feedback
feeding feeds felixge fence fermat fetch fetched fetches fetching few
fewer fewest fexecve ffclock ffcount ffcounter fgetxattr fhandle fhlink
fhlinkat fhopen fhreadlink fhstat fhstatfs fiat fibnum field fields
fighting figure fildes file fileapi filedes filehandle fileid fileio
filename filenames filepath files filestat filesystem filetab filetime
filippo fill filled filling fills filter filtered filtering filters final
finalization finalize finalized finalizer finalizers finalizes finally find
finddata finder findfunc finding finds fine finfo fingerprint fini finish
finished finishes finishing finite fips fipsinfo fipsonly fire firebase
fired firefox fires first firstmoduledata fisher fit fits five fix fixalloc
fixed fixedbugs fixes fixing fixture fixtures fixup fixups fizz fktrace
flag flagalloc flagged flagify flags flakiness flaky flanking flat flate
flatten flattened flavor flavored flexible flight flip flipped flipping
flistxattr flive float floating floats flock floor flooring flow flowing
flows floyd flush flushed flusher flushes flushing fly fmadd fmt fname
fno focus focused fold folded folder folding follow followed followers
following follows font foo footer footprint for forbid forbidden force
forced forces forcing ford foreground foreign forever forge forget forgot
forgotten fork forkx form formal formally formals format formats formatted
formatter formatting formed former formerly formfeed forms formula formulae
formulas forsyth forth fortran fortunately forward forwarded forwarding
forwards fossil found foundation four fourth fpathconf fprint fprintf frac
fraction fractional fractions frag fragile fragment fragmentation fragments
frame frameless framepointer framer frames framesize framework frameworks
framing free freebsd freed freegc freeindex freeing freely freem frees
freevars freezing freg fremovexattr freq frequencies frequency frequent
frequently fresh freshly frexp friendly friends fringe from frombits fromfd
fromlen fromlenaddr front frontend frontier frozen fsanitize fsconfig
fset fsetxattr fsigned fstat fstatat fstatfs fstatvfs fsync fsys ftab
fto ftruncate full fully fun func funcdata funcid funcs functab function
functional functionality functionally functions fundamental fundamentally
furnished further furthermore fuse fused futex futimens futimes futimesat
future fuzz fuzzcache fuzzed fuzzing fuzztime galign galois gamma gap
gaps garbage gated gateway gather gathered gathering gathers gave gbit
gcbits gccgo gcdata gcflags gcimporter gcopystack gcp gcphase gctrace
gdead gdeadextra gen general generalize generalized generally generate
generated generates generating generation generations generator generators
generic generics generous gengoarch gengoos genhash gentraceback geomean
ger gerpp get getaddrinfo getaffinity getattr getaudit getauid getcontext
getcounter getcpuclockid getcwd getdents getdirent getdirentries getdomain
getdtablecount getdtablesize getegid getentropy getenv getestimate
geteuid getexecname getfh getfhat getfp getfsstat getg getgid getgroups
gethostname getid getitimer getkerninfo getlogin getloginclass getmode
getn getname getoverrun getparam getpeername getpeerucred getpgid getpgrp
getpid getppid getpriority getprivate getrandom getrctl getres getresgid
getresuid getrgid getrlimit getrtable getruid getrusage gets getscheduler
getsgid getsid getsockname getsockopt getstack getstackbound getstacksize
getsuid getsystemcfg getter getthrid gettid gettime gettimeofday getting
getuid getvalue getvfsstat getwd getxattr gfortran giant gid gidset
gidsetsize gif git gitee github gitlab give given gives giving gkit
glibc glink glob global globally globals globs gname gnext gnu goal goals
goarch goarmsoftfp gob goboringcrypto gobs gobuf goccy godebug godebugs
godefs godeltaprof godoc goes goexit goexperiment gofmt gogo gohostarch
goid goidgen going gojs golang gold goldmark gomaxprocs gone gonum goobj
good google googlesource goos gopanic gopark gopath gopher gopkg gopls
goproxy goready gorecover goroot goroutine goroutines gosave gosched
gossahash gostring gosym got gotelemetry goto gotoolchain gotos gotten
gotype gotypes gotypesalias gov gover governed governing gox gpreempted
grab grabs grace graceful gracefully grained grammar grant granted grantpt
grants granularity graph grapheme graphic graphics graphs graphviz gray
grayscale great greater greatest greedy greek green greenteagc greeting
grep grew grey gri group grouped grouping groupings groups grow growing
grown grows growslice growth grpc grunnable grunning gscan gsignal gsyscall
guarantee guaranteed guaranteeing guarantees guard guarded guarding guards
gueron guess guesses guest guid guidance guide guidelines guintptr gvisor
gwaiting gzip gzipped hack hacker hacky had hairiness half halfway halfword
hall halt halting halves han hand handbook handed handful handle handled
handler handlers handles handling handoff handshake handshakes handy hang
hanging hangs hangul happen happened happening happens happy hard harder
hardfloat hardware harm harmless has hash hashed hasher hashes hashfd
hashing hasn have haven having hazard hazards hchan hdrsize head headed
header headers heading headings headroom heads health heap heapify heaps
heapsort heapz heavily heavy height heights held hellman hello helm help
helper helpers helpful helps hence here hereby heuristic heuristically
heuristics hex hexadecimal hidden hide hides hiding hierarchical hierarchy
hieroglyphs high higher highest highfd highlight highly hijack hijacked
hijacker hijacking hilo hilos hint hints hist histogram historic historical
historically history hit hiter hits hmul hoc hoist hoisted hold holder
holding holdings holds hole holes home honor honoring hook hooks hop
hope hopefully hopes horizontal horizontally horse host hosting hostname
hostnames hostport hosts hot hottest hour hourly hours how however
hpack hpke href html http httpcommon https httptest httputil huffman
huge hugepage human humans hung hunk hunter hurd hurt hwprobe hyangah
hybrid hyperbolic hypervisor hyphen hyphens hypot hyrum iacr iam iana
iant ibm icsf idea ideal ideally idempotency idempotent ident identical
identically identification identified identifier identifiers identifies
identify identifying identities identity idents idiomatic idioms idle
idleness idna idp ids idtype idx ietf iface ifaceassert iff ifi ifindex
ifname ifreq ignorable ignore ignored ignores ignoring ill illegal illumos
ilogb imag image images imaginary imagine imbalanced imethod img imm immb
immediate immediately immediates immh immr imms immutable imp impact
imperfect imperialviolet impl implement implementation implementations
implemented implementing implements implications implicit implicitly
implicits implied implies imply import importable importance important
importantly importcfg imported importer importers importing importpath
imports impose imposed imposes impossible improve improved improvement
improves improving impure inaccessible inaccurate inactive inappropriate
inbound inbuflen inbufp inc incl include included includes including
inclusion inclusive incoming incomparable incompatibility incompatible
incomplete inconsistencies inconsistency inconsistent incorporate
incorporated incorporates incorrect incorrectly incr increase increased
increases increasing incref increment incremental incrementally incremented
incrementing increments incur ind indeed indefinitely indent indentation
indented independent independently index indexed indexes indexing indicate
indicated indicates indicating indication indicator indicators indices
indir indirect indirected indirection indirections indirectly individual
individually induced induction inefficient inequalities inequality inet
inexact inexactly inf infd infer inference inferences inferno inferred infers
infinite infinitely infinities infinity influenced info inform information
informational informative informs infos infrastructure infrequent ing ingress
inherent inherently inherit inheritable inheritance inherited inherits
inhibit inhibited init initial initialization initializations initialize
initialized initializer initializers initializes initializing initially
initiate initiated initiates initiator inittask inittasks inject injected
injectglist injection inl inlinability inlinable inline inlineable inlined
inliner inlines inlining inner innermost innocuous inode inplace input
inputs ins insecure insensitive insensitively insert inserted inserting
insertion insertions inserts inside insignificant insist insn inspect
inspected inspecting inspection inspector inspects inspired inst install
installation installed installer installing installs instance instances
instant instantaneous instantiate instantiated instantiates instantiating
instantiation instantiations instantly instead instr instruction instructions
instructs instrument instrumentation instrumented instrumenting insufficient
insure int intact integer integers integral integrated integration intel
intelligibility intend intended intends intent intentional intentionally
inter interact interacting interaction interactions interactive interceptors
interchangeable interest interested interesting interface interfaces
interfere interfering interior interlace interlaced interlacing interleave
interleaved interleaves interleaving intermediate intermediates internal
internally internals international internet interpolation interpret
interpretation interpreted interpreting interprets interrupt interrupted
interrupting interrupts intersect intersection interspersed interval
intervals intervening intn into intptr intrinsic intrinsics intrinsified
introduce introduced introduces introducing introduction introspection ints
inuse inv invalid invalidate invalidated invalidates invalidating invariant
invariants invented inverse inversion invert inverted inverting inverts
investigate invisible invocation invocations invoice invoke invoked invokes
invoking involve involved involves involving ioctl ioctls ioperm iopl ios
iosb iota iov iovcnt iovec iovecs iovlen iovp iovs ipad iphlpapi ipsum
ipv irreducible irregular irrelevant irtf isa iscgo ish isn iso isolate
isolated isolating isolation issetugid issue issuecomment issued issuer
issues issuing itab itabs itag item items iter iterate iterated iterates
iterating iteration iterations iterative iteratively iterator iterators ith
itimerspec itimerval itoa its itself itv jacobi jacobian jacobsen jail jamo
jan jane january jar java javascript jayconrod jba jeon jid jirl jitter job
jobject jobs john join joined joiner joiners joining joins josharian jpeg
jpg jsing json jsonflags jsonopts jsontext jsonv jstatsoft jump jumping
jumps june junk just justification justified justify jwt kafka karatsuba
karp katakana katiehockman kbind keccak keep keepalive keeping keeps kenv
kept kern kernel kernels kevent kexec key keyctl keyed keying keyring keys
keystream keyword keywords kick kicked kicks kids kill killed kills kim
kind kinds kldfind kldfirstmod kldload kldnext kldstat kldsym kldunload
kldunloadf kludge kms knew know knowing knowledge known knows knuth kqueue
ksem ktimer ktrace kubernetes kutzner kva label labeled labels labs lack
lacking lacks laddr laid lambda land lanes lang language languages large
larger largest larl last lasterr late latelower latencies latency later
latest latin latter lattice launch launchpad law lax lay layer layers layout
layouts lazily lazy lchflags lchmod lchown ldate ldexp ldflag ldflags lea
lead leader leading leads leaf leak leaked leaking leaks leap learn learned
least leave leaves leaving lecture led left leftmost leftover legacy legal
legend legitimate lemire len length lengths leq less let lets letter
letters letting level leveler levels lex lexed lexer lexical lexically
lexicographic lexicographical lgamma lgetfh lgetxattr lib libc libcall
liberal libfuzzer libgcc libjpeg liblink libname libopcodes libpreinit
libpthread libraries library libresolv libs libsendfile libsocket license
licensed licenses lico lid lie lies life lifecycle lifetime lifetimes lift
lifting lightly lightweight like likelihood likeliness likely likewise lim
limb limbs limit limitation limitations limited limiter limiting limits
line linear linebreak linebreaks linecomment lineno lineptr liner lines
linger link linkage linkat linked linkedit linker linkers linkfd linking
linkmode linkname linknamed linknames links linkshared linux lio lis list
listed listen listener listeners listening listens listing listings listio
lists listxattr lit literal literalization literally literals literature
little live lived liveness liveout lives llistxattr lmsgprefix load loadable
loaded loader loaders loading loadlibrary loads loc local locale localhost
locality localize localized locally locals locate located locates location
locations lock locked locker lockextra locking locks loclistptr loclists
locs log logarithm logd logf logged logger logging logic logical logically
login logout logs lone long longer longest look lookahead looked looking
looks lookup lookups loong loongson loop loopback looping loops loopvar
loopvarhash loose loosely lop lorem lose loses losing loss lossless lossy
lost lostcancel lot lots low lower lowercase lowercased lowercasing lowered
lowering lowers lowest lowfd lpathconf lremovexattr lseek lsetxattr lstat
lsym ltime lucas lucent luck luckily lucky lutimes lux lvalue lwpid lying mac
mach machine machinery machines macho macptr macro macros made madvise magic
magnitude mail mailbox main mainly maintain maintained maintaining maintains
maintenance maix major majority make makechan makedev makefiles makeisprint
makemap makes makeslice maketables making malformed malicious malloc mallocgc
mallocing mallocinit mallocs mallory man manage managed management manager
manages managing mandatory mangle mangled mangling manipulate manipulated
manipulates manipulating manipulation manner mant mantbits mantissa manual
manually manuals many map mapaccess mapassign mapclear mapdelete maphash
mapiterelem mapiterinit mapiterkey mapiternext maplen mapped mapping
mappings maps march margin mark markdown marked marker markers markfreeman
marking markings markroot marks marm marshal marshaled marshaler marshalers
marshaling marshals mask masked masking masks mass master mat match matched
matcher matchers matches matching material materialize materialized math
mathematical matloob matrix matrixes matter matters max maxcmds maximal
maximally maximize maximized maximum may maybe maymorestack mcache mcaches
mcall mcentral mcontext mday mdempsky mean meaning meaningful meaningless
meanings means meant meantime meanwhile measure measured measurement
measurements measures measuring mechanism mechanisms media median medium
meet mem member members memcheck memclr memequal memhash memlock memmove
memoization memoizing memory memprofile memset memstats mention mentioned
mentions menu mercurial merely merge merged merges merging mess message
messages met meta metacharacters metadata meth method methods metric
metrics mexit mfname mheap mib micro microsecond microseconds microsoft
microsystems mid middle middleware midnight might migrate migrated migrating
mikio milk miller million millisecond milliseconds mime mimesniff mimic
mimics min mincore mind mingw minherit mini minimal minimally minimization
minimize minimized minimizes minimizing minimum minint minit minor minus
minute minutes minux minwinbase mips mipsle mirror mirrored mirrors
misaligned misbehaving misc miscellaneous mishandles misleading mismatch
mismatched mismatches misplaced misprints miss missed missing missingkey
misspelled mistake mistaken mistakes misuse mit mitigate mix mixed mkall
mkbuiltin mkcnames mkconsts mkdev mkdir mkdirat mkerrors mkfastlog mkfifo
mkfifoat mkinlcall mkmalloc mknod mknodat mknode mknyszek mkpost mkpreempt
mksizeclasses mksyscall mksysctl mksysnum mkwinsyscall mkzip mlen mlkem
mlock mlockall mmap mmaped mmapped mmcloughlin mnemonic mnemonics mobile
mock mocked mocks mod modal modcache modcacherw modctl mode model modeled
models modep moderate modern modernize modes modf modfetch modfile modfind
modfnext modid modifiable modification modifications modified modifier
modifiers modifies modify modifying modindex modinfo modload modnext modrm
modroot mods modstat modtime modular module moduledata modules modulo
modulus moment mon monday mongo mongodb monitor monitoring mono monotonic
monotonically montgomery month monthly months more moreover morestack
moshier most mostly mount mounted mountinfo mounts mouse mov move moved
movement moves moving mozilla mpagealloc mpath mprotect mqdes mquery mremap
msan msec msg msgget msgsys msgtyp msize mspan mspans msqid mstart msun
mswsock msync mtime mtimes much muintptr mul mulsrc mult multi multibyte
multicast multiline multipart multipath multiple multiples multiplication
multiplications multiplicative multiplied multiplier multiplies multiply
multiplying multiprecision multiword mundaym munlock munlockall munmap musl
must mutable mutate mutated mutates mutating mutation mutations mutator
mutex mutexes mutual mutually mux mwhudson myapp mydb myerr myformatter
mypassword myprint mysecret mysql mysterious mytoken naive naively name
namebuf named namelen namely names namespace namespaces naming nan nano
nanos nanosecond nanoseconds nanosleep nanotime nargs narrow narrower
narrowing nat native natively natural naturally nature navigation nbits
nbody nbuf nbyte nbytes nchanges ncom near nearby nearest nearly necessarily
necessary need needed needing needle needm needs needzero neeilan neelance
neg negate negated negates negating negation negative negatives negligible
negotiate negotiated negotiation neighbors neither nelem nelems nent neq
neri ness nest nested nesting net netapi netbsd netcgo netdns neterr netgo
nethttpomithttp netioapi netip netlib netlink netpoll netpoller netpollopen
netrc network networking networks neutral nevents never nevertheless new
newarray newcap newcoro newdirfd newer newest newfd newlen newline newlines
newly newm newmask newname newobject newoffset newosproc newpath newpivot
newproc newstack newton next nextafter nextfd nfstat ngid nginx nice nicely
nicer nigeltao nil nilcheck nilcheckelim nilfunc nilness nils nine ninit
ninther nist nistec nldef nlen nlist nlstat nmount nmspinning nname noalg
nobody nocallback nocheckptr node noder nodes noescape noinline noise noisy
nominal non nonblocking nonce nonces none nonempty nonexclusive nonnegative
nonpreemptible nontrivial nonzero noop nop nopos noproxy nor norace norm
normal normalization normalize normalized normalizes normalizing normally
noscan nosplit nosys not notable notably notasecret notation notdead
note noteclear noted notes notesleep notetsleep notewakeup nothing notice
noticed noticing notification notifications notified notifies notify noting
notinheap notion nov now nowhere nowritebarrier npage npages npars nprimes
nrecvmsg nsa nsearch nsec nsems nsendmsg nsize nsops nsswitch nstat ntargets
ntifs ntptimeval ntstatus ntype null num number numbered numbering numbers
numerator numeric numerical nuova oact oattr oauth obey obj objabi objdir
objdump object objects objfile objptr objs objset oblet oblets obreak
obs observable observation observe observed observes observing obsolete
obtain obtained obtaining obtains obvious obviously occasionally occupied
occupy occur occurred occurrence occurrences occurring occurs octal octet
octets odd oeis off offending offer offered offers official offs offset
offsetof offsets oflag oflags often oitv okay old olddelta olddirfd older
oldest oldfd oldfreq oldlen oldlenp oldm oldmask oldmem oldname oldpath
ole omit omitempty omits omitted omitting omitzero once one oneoff onepass
ones ongoing onlinepubs only onto oob oops opad opaque opcode opcodes open
openat openbsd opened opengroup opening openpt opens opensource openspecs
operand operands operate operated operates operating operation operations
operator operators opportunities opportunity opposed opposite oprange
ops opsid opt optab opted optimal optimistic optimistically optimization
optimizations optimize optimized optimizer optimizes optimizing option
optional optionally options opts oracle ord order ordered ordering orderings
orders ordinal ordinary oreg org organization organizations ori oriented
orig origin original originally originate originated originating origins
origm orlp ornl osa oset osinit oss osusergo other others otherwise oucp
ought our ours ourselves out outbound outbuflen outbufp outcome outcomes
outer outermost outfd outfile outflow outgoing outline outlined outlining
outlive outlives output outputdir outputs outside outstanding ovadvise
ovalue over overall overestimate overflow overflowed overflowing overflows
overhead overheads overkill overlaid overlap overlapped overlapping overlaps
overlay overlays overly overridden override overrides overriding overshoot
overview overwrite overwrites overwriting overwritten overwrote own owned
owner ownership owns paccept pacer pacific pacing pack package packaged
packagepath packages packed packet packets packing packs pad padded paddi
padding pads page pages pain pair paired pairing pairs pairwise palette
paletted palloc panic panicked panicking panicrangestate panics paper
papers par para paragraph paragraphs parallel parallelism param parameter
parameterized parameters params paranoia paren parens parent parentheses
parenthesis parenthesized parents parity park parked parking parks parms
parse parseable parsed parsedebugvars parser parsers parses parsing part
partial partially participate participating particular particularly
partition partitioned partitioning partitions partly parts party pass
passcode passed passes passing passive passphrase passwd password passwords
past paste patch patched path pathconf pathend pathfd pathname pathological
paths pattern patterns pause paused pauses pay payload payloads payment
payments pbit pcalau pcdata pclntab pcombine pconn pcrel pctab pdata pdf
pdfork pdgetpid pdkill pdqsort peak peek peel peeloff peer pem penalty
pending penultimate people pepper per percent percentage perf perfect
perfectly perform performance performant performed performing performs
perhaps period periodic periodically periods perl perm permanent permanently
permissible permission permissions permissive permit permits permitted
permitting permutation permutations permute permuted persist persistent
persistentalloc persists person persons perspective pertains perturb pexpr
pgcstop pgid pgo phase phases phi phis phrase phuslu physical pick picked
picking picks pid pidfd pidle pidleget pidleput pidp pie piece pieces pimm
pin ping pinned pinner pinning pins pipe pipeline pipelined pipelines
pipelining pipes pivot pivots pix pixel pixels pkg pkgdir pkghashes
pkgid pkgname pkgpath pkgs pkgsite pkix pla place placed placeholder
placeholders placement places placing plain plaintext plan platform
platforms plausible plausibly play playground please pledge plenty plive
plug plugin plugins plumbing plus pmain pmxvi pname png pod pods point
pointed pointer pointerness pointers pointing pointless points poison
pok policies policy poll pollable poller pollfd polling polls pollts
poly polynomial polynomials pool pools poor poorly pop popcnt popped
popper popping pops populate populated populates populating population
port portable portably portion portions ports pos poser poset position
positional positioned positioner positioning positions positive positives
posix possibilities possibility possible possibly post postconditions
postgres postgresql postindex postorder potential potentially pow power
powerpc powers ppid ppoll pprof practical practically practice pragma
pragmas prattmic pre pread preadv preal preallocate preallocated preamble
prebody prec precede preceded precedence precedes preceding precise
precisely precision precomputation precompute precomputed precondition
preconditions pred predates predecessor predecessors predeclared predefined
predicate predicates predict predictable prediction preds preempt preempted
preemptible preempting preemption preface prefer preferable preference
preferred prefers prefetch prefix prefixed prefixes preload preloading
premature prematurely premultiplied prentice preorder preparation prepare
prepared prepares preparing prepend prepended prepending prepends preprocess
preprocessing preprocessor preq prerelease prereleases prescribed presence
present presentation presented presents preserve preserved preserves
preserving preset press pressure presumably pretend pretends pretty prev
prevent prevented preventing prevents preview previous previously prfop
price primarily primary prime primes primitive primitives principle print
printable printed printer printf printing println printlock prints prio
prior priorities prioritization prioritize prioritized prioritizes priority
priv privacy private privileged privileges prlimit pro probability probably
probe probes probing problem problematic problems proc procctl procedure
proceed proceeding proceeds process processed processes processing processor
processors procid procport procresize procs procucred prod produce produced
producer produces producing product production productions products prof
profil profile profiled profiler profiles profilez profiling profitable
prog progedit progname program programmer programming programs progress
progressed progression progressive progs prohibited prohibits project
projective projects prolog prologue promise promised promises promote
promoted promoting prompt prone proof prop propagate propagated propagates
propagation proper properly properties property proportional proposal
proposed props prot protect protected protection protections protects proto
protobuf protocol protocols prove proved proven provenance proves provhandle
provide provided provider providers provides providing provoke proxies
proxy proxying prune pruned prunes pruning prunning psabi psapi pselect pset
psetid pseudo pseudorandom psid psize psyscall ptest pthread pthreads ptr
ptrace ptrmask ptrsize ptype pub public publication publications publicly
publish published publisher publishes publishing pubs pull pulled pulling
punctuation punctuators punycode pure purego purely purpose purposes push
pushed pusher pushes pushing put puts putting puzpuzpuz pwd pwrite pwritev
pxtest pyroscope python pzero qtext quad quadratic quadword qualification
qualified qualifier qualifiers qualifies qualify quality quant quantiles
quantity quantization quantize quantum quarantine quarter queries query
querying question questions queue queued queues queuing quic quick quickly
quicksort quiet quietly quit quite quo quot quota quotactl quotation quote
quoted quotes quotient quoting quux qux rabin racct race racectx raced
raceenabled racefuncenter races racing racy raddr radian radians radix
radzik ragged raise raised raises ran rand randn random randomization
randomize randomized randomizes randomly randomness range ranged rangefunc
rangelistptr ranges ranging rank ranking ranks rare rarely rarg rasctl rat
rate rather ratio rational rationale raw rbase rdynamic reach reachability
reachable reached reaches reaching reacquire read readability readable
readdir readdirnames reader readers readied readiness reading readings
readlen readlink readlinkat readme readonly reads readv readvarint ready
real realize really realpath reason reasonable reasonably reasoning reasons
reassign reassigned reassignment rebase reboot rebuild rebuilding rebuilt
recalculate recall receipt receive received receiver receivers receives
receiving recent recently recheck recipe recipient reciprocal reclaim
reclaimed reclaimer reclassifies recognize recognized recognizes recommend
recommended recommends recomposition recompute recomputed recomputing
reconstruct record recorded recorder recording records recover recoverable
recovered recovering recovers recovery recreate recreated rect rectangle
rectangles recur recurse recursion recursions recursive recursively recv
recvd recvfrom recvmmsg recvmsg recycle recycled recycling red redacted
redeclared redefined redirect redirected redirects redis redo reduce
reduced reduces reducing reduction redundancy redundant redzone reentrant
ref refactor refactoring refer reference referenced references referencing
referent referentially referer referred referring refers refill refine
refined refining reflect reflectcall reflectdata reflected reflection
reflectlite reflects reflexive reformat reformats reformatting refresh
refreshed refs refuse reg regabi regalloc regard regarding regardless
regenerate regerrno regex regexp regexps regime region regional
regionfilename regions register registered registering registerizable
registers registration registry regmask regression regs regtmp regular rehash
reinterpret reject rejected rejecting rejection rejects rel rela related
relates relating relation relations relationship relationships relative
relatively relax relaxed relaxes relay release released releasem releases
releasing relevant reliable reliably relied relies reload reloc relocatable
relocate relocated relocates relocating relocation relocations relocs
relocsym relro rely relying rem remain remainder remaining remains remap
remapped remapping remark rematerialize remember remote remotely removal
remove removed removes removexattr removing remyoudompheng rename renameat
renamed renames renaming render rendered rendering renders renegotiation
reorder reordered reordering reorders repaired reparse repeat repeatable
repeated repeatedly repeating repeats repetition repetitions repl replace
replaced replacement replacements replacer replaces replacing replica
replicate replied replies reply replying repo report reported reporter
reporting reports repos repositories repository represent representable
representation representations represented representing represents reproduce
reproducibility reproducible req reqs request requested requesting
requests require required requirement requirements requires requiring
reread res resched reschedule rescheduled rescheduling research reseed
reservation reserve reserved reserves reset resets resetter resetting
reside resident residual resistant resize resized resolution resolv
resolve resolved resolver resolvers resolves resolving resort resource
resources resp respect respected respecting respective respectively respects
respond responding responds response responses responsibility responsible
rest restart restartable restarted restarting restore restored restorer
restores restoring restrict restricted restricting restriction restrictions
restrictive restricts result resulted resulting results resume resumed
resumes resuming resumption ret retain retained retaining retains retake
rethink retjmp retract retracted retraction retractions retried retries
retrieve retrieved retrieves retrieving retry retrying return returned
returning returns reusable reuse reused reuses reusing rev reverse reversed
reverses reversing revert review reviewed revise revision revisions revisit
revocation revoke rewind rewrite rewrites rewriting rewritten rewrote rex
rfindley rfork rgid rid right rightmost rights rightsp rijndael ring rings
rip riscv risk ristretto rldic rlim rlimit rlwinm rmdir rnglists robin
robust robustness rodata roff role roll rollback rolled rolls room root
rooted roots ror rotate rotated rotates rotating rotation rotations rough
roughly round rounded rounding rounds rout route router routes routine
routines routing row rows rparam rparen rpc rsa rselect rsym rtableid rto
rtprio rtype ruid rule rules run rune runes runnable runner runnext running
runq runs runtime runtimes runtimesecret runway rusage rust rva rval rvalue
rwmutex sacl sadly safe safely safepoint safer safety sage sagernet said
sais salt salted same sample sampled samples sampling sandbox sandia sane
sanitized sanitizer sanitizers sanitizing sanity sat satisfiable satisfied
satisfies satisfy satisfying saturate saturated saturating saturation save
saved saveg savegpr saves saving savings saw say saying says sbinet sbytes
scalar scalars scale scaled scales scaling scan scanln scannable scanned
scanner scanners scanning scans scanstack scared scattered scatters
scav scavenge scavenged scavenger scavenging scenario scenarios sched
schedinit schedlink schedule scheduled scheduler schedules scheduling
schema schemas scheme schemes schneider schuster science scon scond scope
scoped scopes scoping score scores scoring scratch screen screens script
scripts scripttest sdivisible sdom seal search searched searches searching
sec seccomp second secondary seconds secp secrecy secret secretref secrets
sect section sections secure security see seed seeded seeds seeing seek
seeker seeking seeks seem seems seen sees seg segfault segment segmentation
segmentio segments sel select selected selectgo selecting selection
selections selectively selector selectors selects selectznz self sell
sem sema semacquire semacreate semantic semantically semantics semaphore
semaphores semawakeup sembuf semconfig semctl semflg semget semi semicolon
semicolons semid semnum semop semrelease semsys semun semver send sender
sendfile sendgrid sending sendmmsg sendmsg sends sendsyslog sendto sense
sensible sensitive sent sentence sentinel sep separate separated separately
separating separation separator separators september seq sequence sequencer
sequences sequential sequentially serial serializable serialization
serialize serialized serializes serializing series serious serr serve
served server servers serves service services serving session sessions
set setaffinity setattr setattrlist setaudit setauid setcontext setctty
setdetachstate setdomain setdomainname setegid setenv setestimate seteuid
setfib setfsgid setfsuid setg setgid setgroups sethostname setid setitimer
setlogin setloginclass setname setparam setpgid setpriority setprivate
setprivexec setregid setresgid setresuid setreuid setrlimit setrtable sets
setscheduler setsid setsig setsockopt settable setter settime settimeofday
setting settings setugid setuid setup setupapi setxattr seven several
severity sexpr sgid sha shade shaded shades shadow shadowed shadowing
shadows shall shallow shallowest shame shamt shanks shape shaped shapes
shard share shared shares sharing sharp shell shells shift shifted
shifting shifts ship shipping shlib shmaddr shmat shmget shmid shmsys
short shortcut shorten shortened shortens shorter shortest shorthand
shortly should shouldn show showing shown shows shrink shrinking shrinks
shrunk shuffle shuffles shuffling shut shutdown shuts shutting sib sibling
siblings sic sid side sides sift sig sigaction sigaltstack sigchanyzer
sigcntxp sigcontext sigctxt sigev sigevent sighandler siginfo sigma sigmask
sign signal signaled signaling signals signature signatures signbit signed
signer significance significand significant significantly signifies signin
signing signmask signo signs signum signup sigpanic sigpending sigprocmask
sigqueue sigqueueinfo sigreturn sigs sigsend sigset sigsuspend sigtable
sigthreadmask sigtimedwait sigtramp sigwait sigwaitinfo silence silently
simd simdgen similar similarly simm simon simple simpler simplest simplicity
simplification simplifications simplified simplifies simplify simplifying
simply simulate simulated simulates simulation simultaneous simultaneously
sin since sine sinfo sing single singleflight singleton singletons singly
singular sinh sit site sites sits sitting situation situations six siz size
sizeclass sized sizeof sizes sizing skew skewing skey skip skipped skipping
skips slabel slack slash slashes sleep sleeping sleeps slice sliced slicelen
slicemask slices slicing slide sliding slightly slog slop sloppy slot
slots slow slower slowly slows smagic small smaller smallest smart smarter
smash smashes smith smuggle smuggling snappy snapshot snapshots sndrcvinfo
sniff sns sockaddr sockaddrs socket socketpair sockets socklen socks soft
softfloat software solaris sole solely solution solve solves solving some
somebody somehow someone something sometime sometimes somewhat somewhere
son songzhibin sonic soon sooner sophisticated sops sort sorted sorter
sorting sorts sos sound source sources sourceware space spaces spacing
spadj span spans sparc spare sparingly sparse spawn spawnattr spawned
speak speaking spec special specialize specialized specially specials
specific specifically specification specifications specified specifier
specifies specify specifying specs spectre speculatively speed speeds
speedup spelled spelling spend spends spent spill spilled spilling spills
spin spine spinning splat splice split splits splittable splitting sponge
spot spread springer sprint sprintf spurious spuriously sql sqs square
squared squares squarings src srcimporter srcset ssa ssagen sse ssh ssize
ssl ssm stability stable stack stackalloc stackframe stackfree stackguard
stackmap stacks stacksize stackt stage stages staging stale stamp stand
standalone standard standardized standards stands stanza staple star stars
start started starter starters starting startm startpanic starts startup
starvation starving stat state stateful stateless statement statements
states statfs static statically staticuint statistics stats status statvfs
statx stay stays std stdcall stderr stdin stdio stdlib stdout stdu steady
steal stealing steinberg step stephen stepping steps stext stick sticky
still stolen stomp stop stopped stopping stops storage store stored stores
storing str straddle straight straightforward straightline strange strategies
strategy strconv stream streamed streaming streams strength stress strict
stricter strictly stride string stringer stringify stringintconv strings
strip stripe stripped stripping strips strong stronger strongly struct
structs structural structurally structure structured structures sts stub
stubs stuck stuff stuffing style sub subbenchmarks subbucket subcommand
subcommands subdictionary subdir subdirectories subdirectory subdomain
subdomains subexpression subexpressions subgraph subject subjects subkey
subkeys sublicense submatch submatches submit subname subnormal subobject
subobjects subproblem subprocess subprocesses subprogram subroutine subsample
subsampling subscriber subscript subscription subscriptions subsequence
subsequences subsequent subsequently subset subsets subslice subslices
subst substantial substantially substitutable substitute substituted
substitutes substituting substitution substitutions substr substrategy
substring substrings subsumed subsystem subtag subtags subtest subtests
subtle subtract subtracted subtracting subtraction subtracts subtree
subtrees subtype subtypes subvector subvectors subversion succ succeed
succeeded succeeding succeeds success successful successfully successive
successively successor successors succs such sudog sudogs suffice suffices
sufficient sufficiently suffix suffixed suffixes suggest suggested suggesting
suggestion suggests suid suitable suite suites sum sumdb summaries summarize
summarized summarizes summary summing sums sun sunday super superfluous
superseded superset supervisor supplied supply support supported supporting
supports suppose supposed suppress suppressed suppresses sure surface
surfaced surprises surprising surprisingly surrogate surrogates surrounding
survive susanne suspect suspend suspended suspending suspends suspension
suspicious svg svgpan swap swapcontext swapctl swapoff swapon swapped
swapping swaps sweep sweeper sweepers sweepgen sweeping sweeps swept swig
swigcxx swiss switch switched switcher switches switching sym symabis symbol
symbolic symbolization symbolize symbolized symbolizer symbolizes symbols
symbolz symkind symlink symlinkat symlinks symmetric symname syms symtab
sync synchronization synchronize synchronized synchronizes synchronizing
synchronous synchronously synctest synopsis syntactic syntactically syntax
synthesize synthesized synthesizes synthetic sys sysarch syscall syscalln
syscalls syscallsp syscalltick sysconf sysctl sysctlbyname sysfd sysinfo
sysinfoapi syslog sysmon sysnb syso system systems systemstack sysvicall
tab table tables tabs tabwidth tabwriter tack tag tagged tagging tags tai
tail tailored tainted take taken takes taking talk talking tan tangent
tanh tar targ target targeted targeting targetpc targets targs task tasks
taylor tcgetattr tchar tcp tcsetattr tea team tear teardown technical
technically technique techniques technologies tee telemetry tell telling
tells temp template templates temporal temporaries temporarily temporary
temps tempting ten tenant tenants tend tends term terminal terminate
terminated terminates terminating termination terminator terminology
termios termlist terms tern ternary terraform terzarima test testcache
testdata testdeps tested testenv testflag testing testlog testmain tests
testx text textp textproto texts textual tflag tfo tfork than thanks that
the thearch their them themselves then theorem theoretical theoretically
theory thepudds there therefore therein thereof these they thin thing
things think thinking thinks third this those though thought thrashing
thread threaded threads three threshold threxit thrkill through throughout
throughput throw throwing throws thrsigdivert thrsleep thrwakeup thu thumb
thunk thus tick ticker ticket tickets ticks tid tidy tie tied ties tighten
tighter tightly tilde tile tiles tiling time timebase timed timedreceive
timedsend timedwait timeformat timeline timeout timeouts timer timerid
timers times timespec timestamp timestamps timeval timex timezone timing
timings tiny tinyalloc tip title titles tlog tls tlsvar tmp tmplgen tname
toc today todo tofd together toggle toggles tok token tokenize tokens told
tolen tolerance tolerant tolerate tomasz tombstone tombstones too took tool
toolchain toolchains toolexec tools toolstash top topic topmost topological
torvalds total totally touch touched tour toward towards tpar tparams tpars
tprel trac trace traceback tracebackothers tracebacks traced tracer traces
tracev tracing track tracked tracking tracks trade traditional traffic
trailer trailers trailing trait tramp trampoline trampolines transaction
transcript transfer transferred transfers transform transformation
transformations transformed transformer transformers transforming transforms
transient transiently transition transitional transitioned transitioning
transitions transitive transitively translate translated translates
translating translation translations transmission transmit transmitted
transparency transparent transparently transport transports trap trash
traversal traversals traverse traversed traverses traversing treap treat
treated treating treatment treats tree trees trent trial trials trick
tricky trie tried tries trieval trigger triggered triggering triggers trim
trimmed trimmer trimming trimpath trimprefix trims trinary trip triple
tripped trivial trivially trouble true truly trunc truncate truncated
truncates truncating truncation trust trusted truth try trying trywait
tsan tsig tspecials tsv ttl tty tukey tuned tunneling tuple tuples turn
turned turning turns tutorial tweak twice twiddling twilio two twos txt
txtar typ type typecheck typechecked typechecker typechecking typechecks
typed typedef typedefs typedmemclr typedmemmove typedslicecopy typehash
typeindex typelink typelinks typemap typename typeof typeparam types
typeset typesinternal typeutil typical typically tzdata tzset uaddr uapi
ubuf ucd ucontext ucp ucred udivisible udp uge ugh ugly ugorji ugt uhilo uid
uimm uint uintptr uintptrescapes uintptrs uints ule uleb ulp ult ultimate
ultimately umagic umask umax umin umount umtx umul unable unaddressable
unaffected unalias unaliased unaligned unallocated unaltered unambiguous
unambiguously uname unary unassigned unauthenticated unavailable unbalanced
unbiased unblock unblocked unblocking unblocks unbound unbounded unbuffered
unchanged unchecked unclear unclosed uncommon uncommontype uncomparable
uncompressed unconditional unconditionally unconnected und undeclared
undef undefined undelete under underflow underflowed underflows underfoot
underlying underscore underscores understand understanding understands
understood undesirable undetermined undo undocumented undoes undone
unencrypted unequal unescape unescaped unescaping unexpanded unexpected
unexpectedly unexported unfinished unflushed unfortunate unfortunately
unhandled unicast unicode unification unified unifier unifies uniform
uniformly unify unifying unimplemented unindent unindented uninitialized
uninstantiated unintended unintentionally uninteresting uninterpreted
union unions unique uniquely uniqueness unistd unit unitchecker units
universal universe unix unixgram unixpacket unkeyed unknown unlabeled unless
unlike unlikely unlimited unlink unlinkat unlock unlocked unlockf unlocking
unlockpt unlocks unmap unmapped unmaps unmark unmarked unmarshal unmarshaled
unmarshaler unmarshalers unmarshaling unmarshals unmasked unmatched unminit
unmodified unmount unnamed unnecessarily unnecessary unneeded unnoticed
unordered unpack unpacked unpacking unpacks unpadded unpaired unparen
unpark unparkhint unparking unparsable unparsed unpin unpinned unpopulated
unpredictable unprivileged unprocessed unpruned unqualified unquote unquoted
unreachable unread unrecognized unrecoverable unreferenced unregister
unrelated unrelocated unreserved unresolved unrestricted unroll unrolled
unrolling unrooted unsafe unsafely unsafeptr unsafeslice unsatisfiable
unscavenged unscoped unsent unset unsetenv unsets unshare unsign unsigned
unspecified unspill unsplit unstable unsuccessful unsuitable unsupported
unswept unsynchronized untagged until untouched untrusted untyped unusable
unused unusedresult unusual unveil unverified unversioned unwanted unwind
unwinder unwinding unwinds unwound unwrap unwrapped unwrapping unwraps
unwritable unwrite unwritten unzip uover upcoming update updated updates
updating upfront upgrade upgraded upgrades upgrading upload uploaded uploader
uploading uploads upon upper uppercase upsert upstream upward upwards
urandom urgency uri url urlencoded urlquery urls usable usage usages use
usec used useful useless user userenv userinfo username usernames users
userspace uses using usleep usr ustat usual usually utf util utilities
utility utilization utilized utils utimbuf utime utimensat utimes utrace
utsname uuid uuidgen uvarint vadd vaddr vaddwev vaddwod vadvise val valfunc
valgrind valid validate validated validates validating validation validator
validity valids vallen valoff vals valsize valuable value valued valuer
values var vardef variable variables variadic variant variants variation
variations varies variety varint varints various varlen varp vars varsym
vary vault vauto vchar vcstest vcweb vdiv vdso vec vector vectors vendor
vendored vendoring ver verb verbatim verbose verbosity verbs verification
verified verifier verifiers verifies verify verifying vers versa version
versioned versioning versions versus vertex vertical vertically vertices very
vet vettool vetx vex vfork vgetrandom vgo via viable vice victim video view
viewed viewer views violate violated violates violating violation violations
virtual visibility visible visit visited visiting visitor visits visual
visualization visualizer vita vitanuova vkey vldrepl vlen vmaddr vmaddwev
vmaddwod vmod vmov vmspace vmuh vmul vmulwev vmulwod void vol volatile
volume volumes vpickve vreg vsadd vshuf vslti vssub vsub vsubwev vsubwod
vtype vulnerable vxsadd wait waitcomplete waited waiter waiters waitgroup
waitid waiting waitpid waitreason waits wake wakep wakes wakeup wakeups
waking walk walked walking walks wall want wanted wanting wants warmup warn
warning warnings warns was wasi wasip wasm wasmexport wasmimport wasmtime
wasn wastage waste wasted wasteful wasting watch watchdesc watchdog way
ways wbuf weak weakly web webassembly webhook webhooks week weekday weekly
weeks weight weighted weights weird welcome well went were weren werror
what whatever whatwg when whence whenever where whereas wherever whether
which whichever while white whitespace who whole wholly whom whose why wide
widely widen widening wider widget widgets width widths wiki wikipedia
wild wildcard wildcards will willing win winbase wincallback wind window
windowed windows windynrelocsym winner winnt wins winsock wire wired wise
wish wishes with withcarry within without wmu woff woken wolog won word
words wordsize work workaround workbuf workbufs worked worker workers
working worklist works workspace workspaces workstation world worlds
worldsema worry worrying worse worst worth worthwhile would wouldn wpid
wrap wraparound wrapf wrapped wrapper wrappers wrapping wraps writable
write writer writers writes writev writing written wrong wrote wrusage
wstatus wyhash xaa xab xac xad xadd xaddr xae xaf xba xbe xca xce xcoff xda
xdata xde xea xeb xec xed xee xef xfa xfe xlist xml xnet xnu xoffset xor
xorshift xpos xprog xray xsrf xsync xterms xvadd xvaddwev xvaddwod xvdiv
xvi xvmaddwev xvmaddwod xvmod xvmuh xvmulwev xvmulwod xvpickve xvreplve
xvshuf xvslti xvssub xvsub xvsubwev xvsubwod xyz yaml yates ycbcr ycover
yday year yearly years yes yet yield yielded yielding yields ymethods yml
ymm ynone you your yrl zag zba zdefaultcc zero zerobase zeroed zeroes
zeroing zeromask zeros zig zimm zip zipf zipfile ziphash zlib zombie
zombies zone zoneinfo zones zos zsyscall ztypes zulu
`
