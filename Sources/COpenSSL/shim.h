// The parts of the system libcrypto (OpenSSL 3, libssl-dev) that SystemCrypto wraps.

// SystemCrypto hashes with SHA256_Init/Update/Final, which OpenSSL 3.0 deprecates in favour
// of EVP but still ships (SHA256.swift says why). Asking for the 1.1.1 API level declares
// them without the deprecation attribute, so the build stays free of warnings.
#define OPENSSL_API_COMPAT 0x10101000L

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
