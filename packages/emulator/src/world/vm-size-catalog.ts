import type { VmSizeSpec } from "./world-types.js";

export const DEFAULT_VM_SIZES: readonly VmSizeSpec[] = [
  { name: "Standard_D1_v2", family: "standardDv2Family", vcpus: 1, memory_gb: 3.5 },
  { name: "Standard_D2_v2", family: "standardDv2Family", vcpus: 2, memory_gb: 7 },
  { name: "Standard_D3_v2", family: "standardDv2Family", vcpus: 4, memory_gb: 14 },
  { name: "Standard_D4_v2", family: "standardDv2Family", vcpus: 8, memory_gb: 28 },
  { name: "Standard_D11_v2", family: "standardDv2Family", vcpus: 2, memory_gb: 14 },
  { name: "Standard_DS2_v2", family: "standardDSv2Family", vcpus: 2, memory_gb: 7 },
  { name: "Standard_DS3_v2", family: "standardDSv2Family", vcpus: 4, memory_gb: 14 },
  { name: "Standard_D2_v3", family: "standardDv3Family", vcpus: 2, memory_gb: 8 },
  { name: "Standard_D2s_v3", family: "standardDSv3Family", vcpus: 2, memory_gb: 8 },
  { name: "Standard_D4s_v3", family: "standardDSv3Family", vcpus: 4, memory_gb: 16 },
  { name: "Standard_F4s_v2", family: "standardFSv2Family", vcpus: 4, memory_gb: 8 },
  { name: "Standard_NC6", family: "standardNCFamily", vcpus: 6, gpus: 1, memory_gb: 56 },
  { name: "Standard_NC12", family: "standardNCFamily", vcpus: 12, gpus: 2, memory_gb: 112 },
  { name: "Standard_NC24", family: "standardNCFamily", vcpus: 24, gpus: 4, memory_gb: 224 },
  { name: "Standard_NC6s_v3", family: "standardNCSv3Family", vcpus: 6, gpus: 1, memory_gb: 112 },
  { name: "Standard_NV6", family: "standardNVFamily", vcpus: 6, gpus: 1, memory_gb: 56 },
  { name: "Standard_ND6s", family: "standardNDSFamily", vcpus: 6, gpus: 1, memory_gb: 112 },
  { name: "STANDARD_FAIL_V1", family: "standardDv2Family", vcpus: 2, memory_gb: 7 },
];
