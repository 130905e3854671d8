//! The kinds of failure a rule can name. Kinds that a code detector also
//! reasons about share its id (`missing-module`), so `coroner explain` and
//! the ranker treat a rule hit and a detector finding of that kind alike.

use crate::analyze::detector::Role;

/// One kind of failure.
#[derive(Debug)]
pub struct Kind {
    pub id: &'static str,
    pub role: Role,
    /// One line for `coroner rules` and the reports.
    pub summary: &'static str,
    /// What `coroner explain KIND` prints for a kind no code detector owns.
    pub explain: &'static str,
}

/// Every kind, in the order `docs/rules.md` lists them.
pub const KINDS: &[Kind] = &[
    Kind {
        id: "oom-killed",
        role: Role::Cause,
        summary: "memory ran out: the kernel's OOM killer or a runtime heap limit",
        explain: "",
    },
    Kind {
        id: "broken-entrypoint",
        role: Role::Cause,
        summary: "the container's command cannot be executed",
        explain: "",
    },
    Kind {
        id: "missing-module",
        role: Role::Cause,
        summary: "a module, package, class or gem the program loads is missing",
        explain: "",
    },
    Kind {
        id: "missing-shared-library",
        role: Role::Cause,
        summary: "a native library cannot be loaded",
        explain: "",
    },
    Kind {
        id: "log-level-misconfig",
        role: Role::Cause,
        summary: "a log level value the program rejects",
        explain: "",
    },
    Kind {
        id: "missing-env-var",
        role: Role::Cause,
        summary: "a required setting or environment variable is missing or empty",
        explain: "",
    },
    Kind {
        id: "permission-denied",
        role: Role::Cause,
        summary: "a file, directory or socket the process may not open or write",
        explain: "",
    },
    Kind {
        id: "crash-loop",
        role: Role::Cause,
        summary:
            "a crash no more specific kind explains: segfault, panic, abort, unhandled exception",
        explain: "",
    },
    Kind {
        id: "port-conflict",
        role: Role::Cause,
        summary: "the process cannot listen: the address is in use or cannot be assigned",
        explain: "",
    },
    Kind {
        id: "dependency-unreachable",
        role: Role::Cause,
        summary: "a dependency cannot be reached: refused, timed out, name not resolved",
        explain: "",
    },
    Kind {
        id: "upstream-unavailable",
        role: Role::Symptom,
        summary: "a proxy gets no answer from its upstream",
        explain: "",
    },
    Kind {
        id: "config-invalid",
        role: Role::Cause,
        summary: "a configuration file or setting is rejected",
        explain: "Detects a program that refuses its configuration: an unknown directive or \
parameter, a syntax error in a configuration file, a value out of range, a host setting a \
bootstrap check rejects.\n\nWhy it matters: the process stops at start-up and, under a restart \
policy, loops on the same error until the configuration changes; nothing a restart does can \
fix it.\n\nEvidence: the container's log (the message names the file, line or parameter).\n\n\
Fix: correct the named file or setting (validate it with the program's own checker where there \
is one: `nginx -t`, `promtool check config`, `haproxy -c -f`, `apachectl configtest`), then \
recreate the container.\n",
    },
    Kind {
        id: "missing-file",
        role: Role::Cause,
        summary: "a file, directory or mount the program needs is not there",
        explain: "Detects a program that cannot open a file or directory it needs: a \
configuration file, a certificate, a data directory, a socket.\n\nWhy it matters: the usual \
cause is a volume or bind mount that is missing or mounted at another path, a file left out \
of the image, or a path set for another environment.\n\nEvidence: the container's log (the \
message names the path), and from `docker container inspect` the mounts.\n\nFix: check the \
path inside the container (`docker run --rm --entrypoint ls IMAGE -l PATH`), add the mount or \
the file, then recreate the container.\n",
    },
    Kind {
        id: "disk-full",
        role: Role::Cause,
        summary: "no space left on a device, or a quota exceeded",
        explain: "Detects writes that fail because a filesystem is full (ENOSPC, `No space \
left on device`), a quota is exceeded, or a program's own disk watermark stops it.\n\nWhy it \
matters: databases stop accepting writes or refuse to start, logs stop, uploads fail; the \
process often dies and restarts into the same full disk.\n\nEvidence: the container's log.\n\n\
Fix: free space on the volume that holds the path (`docker system df`, `df -h` on the host, \
`du -xh --max-depth=1` on the volume), rotate logs, grow the volume or the tmpfs size, then \
restart the service.\n",
    },
    Kind {
        id: "auth-rejected",
        role: Role::Cause,
        summary: "credentials refused: the user or password is wrong",
        explain: "Detects a database, broker or API refusing credentials: PostgreSQL's \
`password authentication failed`, MySQL's `Access denied for user`, Redis's `WRONGPASS`, \
RabbitMQ's `ACCESS_REFUSED`.\n\nWhy it matters: the client cannot do anything and usually \
exits; the server's log shows the refusal, the client's log its consequence. A password \
variable changed after a database volume was initialised is the classic case: the official \
images read `POSTGRES_PASSWORD` or `MYSQL_ROOT_PASSWORD` only on the first start.\n\n\
Evidence: the server's or the client's log.\n\nFix: make the client's credentials match the \
server's (compare the variables of both containers with `docker inspect`), or reset the \
password inside the server; recreate the client.\n",
    },
    Kind {
        id: "tls-failure",
        role: Role::Cause,
        summary: "certificate or TLS handshake errors",
        explain: "Detects certificate and handshake failures: an unknown or self-signed \
authority, an expired certificate, a host name the certificate does not cover, a key or \
certificate file that cannot be loaded.\n\nWhy it matters: every connection fails the same way \
until the certificate or the trust store changes.\n\nEvidence: the log of the side that \
refused the handshake.\n\nFix: install the issuing CA in the client's trust store (or point \
the client at it), renew the certificate, or use the host name the certificate names; check \
with `openssl s_client -connect HOST:PORT -servername HOST`.\n",
    },
    Kind {
        id: "data-incompatible",
        role: Role::Cause,
        summary: "data on disk this version cannot use: another major version, or damaged",
        explain: "Detects a server that refuses its data directory because it was written \
by another major version (PostgreSQL's `database files are incompatible with server`, \
MongoDB's feature compatibility version, Elasticsearch's index versions) or because the \
files are damaged.\n\nWhy it matters: an image tag moved to a new major version (`latest`) \
while the volume kept the old data; the server will not start until the data is upgraded or \
the old version is pinned.\n\nEvidence: the server's log.\n\nFix: pin the image to the \
version that wrote the data, then upgrade the data with the vendor's tool (`pg_upgrade`, a \
dump and restore, the documented upgrade path), restoring from a backup if it is damaged.\n",
    },
    Kind {
        id: "cpu-unsupported",
        role: Role::Cause,
        summary: "the CPU lacks an instruction set the binary needs",
        explain: "Detects a binary built for CPU features the host lacks: MongoDB 5+ and \
AVX, x86-64-v2 builds, TensorFlow's AVX builds, an `Illegal instruction` crash.\n\nWhy it \
matters: the process dies at start every time; no configuration helps, and virtual machines \
often hide AVX from guests.\n\nEvidence: the container's log.\n\nFix: run an image built for \
the host's CPU (an older major version, a build without AVX), or enable the CPU features in \
the hypervisor (`grep -o -w 'avx\\|avx2' /proc/cpuinfo | sort -u` shows what the host \
offers).\n",
    },
    Kind {
        id: "log-ends-in-error",
        role: Role::Symptom,
        summary: "a log ends on an error that no rule or detector explains",
        explain: "Reports a log whose last lines hold an error (an ERROR or FATAL line, \
`Error:`, a panic, compose's `exited with code N`) when nothing else was found for its \
service.\n\nWhy it matters: the process printed a failure last, so the service is not \
healthy, but coroner does not know the message: the verdict is inconclusive rather than a \
guess.\n\nEvidence: the quoted last line.\n\nFix: read the end of the log; if the message \
is one your services print, add a rule for it (`--rules DIR`, docs/rules.md) so the next \
report names the cause.\n",
    },
];

/// Looks a kind up by its id.
pub fn kind(id: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.id == id)
}
