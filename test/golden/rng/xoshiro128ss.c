/* Reference outputs of xoshiro128** (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c,
   public domain) for the test of src/random/rng.ts. Build and run:
   gcc -O2 -o /tmp/xo test/golden/rng/xoshiro128ss.c && /tmp/xo > test/golden/rng/xoshiro128ss.json */
#include <stdint.h>
#include <stdio.h>
static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static uint32_t s[4];
uint32_t next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
  s[2] ^= t; s[3] = rotl(s[3], 11);
  return result;
}
int main(void) {
  s[0] = 1; s[1] = 2; s[2] = 3; s[3] = 4;
  printf("{\"state\": [1, 2, 3, 4], \"outputs\": [");
  for (int i = 0; i < 20; i++) printf("%s%u", i ? ", " : "", next());
  printf("]}\n");
  return 0;
}
