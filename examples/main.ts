// The example app: `npm run synth` (or `cdktf synth`) writes one Terraform JSON per stack to
// cdktf.out/stacks/<stack>/cdk.tf.json. Each example is a small, real stack in its own file.
import { App } from 'cdktf';
import { buildExamples } from './app';

const app = new App();
buildExamples(app);
app.synth();
