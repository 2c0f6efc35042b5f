// The parts of Bitcoin Core's libsecp256k1 (Debian's libsecp256k1-dev) that Antibody uses:
// ECDSA signing and verification and the recovery module (public-key recovery from a signature).
#ifndef ANTIBODY_CSECP256K1_SHIM_H
#define ANTIBODY_CSECP256K1_SHIM_H

#include <stddef.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

/// Overwrites `count` bytes at `pointer` with zeros through a volatile pointer, so the compiler
/// cannot drop the stores as dead (used to wipe private keys before their memory is freed).
static inline void antibody_secure_zero(void *pointer, size_t count) {
    volatile unsigned char *bytes = (volatile unsigned char *)pointer;
    while (count--) {
        *bytes++ = 0;
    }
}

#endif
